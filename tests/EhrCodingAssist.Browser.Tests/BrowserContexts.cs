using Microsoft.Playwright;

namespace EhrCodingAssist.Browser.Tests;

/// <summary>
/// Browser contexts for the page tests with waits sized for a loaded two-core CI machine: the first finalise validates
/// against the US Core package and can take well over Playwright's 30 s default while other test hosts compete for the
/// cores. These are upper bounds on waiting, not timings: nothing here asserts how fast a page is.
/// </summary>
internal static class BrowserContexts
{
    /// <summary>The longest a single action, navigation or web-first assertion waits.</summary>
    public const float WaitMilliseconds = 120_000;

    static BrowserContexts() => Assertions.SetDefaultExpectTimeout(WaitMilliseconds);

    /// <summary>A new context whose actions, navigations and assertions wait up to <see cref="WaitMilliseconds"/>.</summary>
    public static async Task<IBrowserContext> NewTestContextAsync(this IBrowser browser, BrowserNewContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(options).ConfigureAwait(false);
        context.SetDefaultTimeout(WaitMilliseconds);
        context.SetDefaultNavigationTimeout(WaitMilliseconds);
        return context;
    }
}
