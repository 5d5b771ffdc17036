using System.Text.RegularExpressions;
using EhrCodingAssist.Clinical.Coding;

namespace EhrCodingAssist.Clinical.Tests.Coding;

/// <summary>README.md's configuration table has a row for each per-file coding-data key, linking to its section of docs/coding-data.md.</summary>
public sealed partial class ReadmeCodingDataRowsTests
{
    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "EhrCodingAssist.sln")))
        {
            dir = dir.Parent;
        }

        return File.ReadAllText(Path.Combine([dir.FullName, .. parts]));
    }

    // GitHub's heading anchor: lower case, punctuation other than '-' dropped, spaces as '-'.
    private static string Anchor(string heading) =>
        NotAnchorChar().Replace(heading.Trim().ToLowerInvariant(), string.Empty).Replace(' ', '-');

    [GeneratedRegex(@"[^a-z0-9 \-]")]
    private static partial Regex NotAnchorChar();

    [Theory]
    [InlineData(nameof(CodingDataPaths.CptDescriptors), "LONGULT.txt")]
    [InlineData(nameof(CodingDataPaths.PoaExempt), "edit.poa-exempt-year")]
    [InlineData(nameof(CodingDataPaths.EditGroups), "sepsis sequencing")]
    [InlineData(nameof(CodingDataPaths.PayerRules), "Medicare")]
    public void ConfigurationTable_HasTheKeysRow_LinkingToItsDocSection(string key, string mention)
    {
        var readme = RepoFile("README.md");
        var doc = RepoFile("docs", "coding-data.md");

        var row = Assert.Single(readme.Split('\n'), l => l.StartsWith($"| `CodingData:{key}` |", StringComparison.Ordinal));
        Assert.Contains(mention, row, StringComparison.Ordinal);
        var anchor = Regex.Match(row, @"\(docs/coding-data\.md#([a-z0-9\-]+)\)").Groups[1].Value;
        var section = doc.Split('\n').Where(l => l.StartsWith("### ", StringComparison.Ordinal)).Select(l => l[4..]).Single(h => Anchor(h) == anchor);
        var start = doc.IndexOf("### " + section, StringComparison.Ordinal);
        var end = doc.IndexOf("\n### ", start + 4, StringComparison.Ordinal);
        Assert.Contains($"`CodingData:{key}`", doc[start..(end < 0 ? doc.Length : end)], StringComparison.Ordinal);
    }
}
