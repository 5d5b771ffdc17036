namespace EhrCodingAssist.Browser.Tests;

/// <summary>
/// The coder workbench flows share one sandbox and one Chromium and run one after the other (each finalise validates
/// and writes a Claim; on a loaded 2-core machine two at once with two more sandboxes running hit Playwright's timeout).
/// </summary>
[CollectionDefinition(Name)]
public sealed class CoderFlows : ICollectionFixture<SandboxBrowserFixture>
{
    public const string Name = "Coder workbench flows";
}
