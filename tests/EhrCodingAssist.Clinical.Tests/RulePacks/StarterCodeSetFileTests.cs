using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Tests.RulePacks;

/// <summary>The starter ICD-10-CM order file shipped with the core pack.</summary>
public sealed class StarterCodeSetFileTests
{
    [Fact]
    public void StarterFile_EveryLine_FollowsTheCmsOrderFileLayout()
    {
        var lines = File.ReadAllLines(CorePackTestData.StarterFile);

        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            Assert.Matches(@"^[ 0-9]{4}[0-9] [A-Z][0-9A-Z ]{6} [01] .{60} \S", line);
            Assert.True(line.Substring(16, 60).TrimEnd().Length is > 0 and <= 60, line);
        });
        var orders = lines.Select(l => int.Parse(l[..5], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(orders.Order(), orders);
    }

    [Fact]
    public void StarterSet_EveryCode_MatchesTheFullFy2025SetAndHasItsAncestors()
    {
        var starter = (IcdCodeSet)CorePackTestData.Starter;
        var full = CorePackTestData.Full;
        var codes = File.ReadAllLines(CorePackTestData.StarterFile).Select(l => l.Substring(6, 7).Trim()).ToList();

        Assert.Equal(codes.Count, starter.Count);
        Assert.All(codes, code =>
        {
            var mine = starter.Find(code)!;
            var official = full.Find(code);
            Assert.NotNull(official);
            Assert.Equal(official.Billable, mine.Billable);
            Assert.Equal(official.LongTitle, mine.LongTitle);
            for (var n = 3; n < code.Length; n++)
            {
                if (full.Find(code[..n]) is not null)
                {
                    Assert.NotNull(starter.Find(code[..n]));
                }
            }
        });
    }

    [Fact]
    public void StarterSet_EveryCodeThePackOffers_IsPresentAndBillable()
    {
        var starter = CorePackTestData.Starter;
        var offered = CorePackTestData.Pack.Rules.SelectMany(r => r.Options.Select(o => o.Code).OfType<Findings.CodeRef>().Concat(r.Codes.Select(c => c.Code)));

        Assert.All(offered, c => Assert.True(starter.Find(c.Code) is { Billable: true }, c.Code));
    }
}
