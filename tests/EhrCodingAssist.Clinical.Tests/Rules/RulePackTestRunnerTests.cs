using EhrCodingAssist.Clinical.Rules;
using EhrCodingAssist.Clinical.Tests.Rules.Support;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using static EhrCodingAssist.Clinical.Tests.Rules.Support.Fhir;

namespace EhrCodingAssist.Clinical.Tests.Rules;

public sealed class RulePackTestRunnerTests
{
    private static string BundleJson(params Resource[] resources)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (var r in new Resource[] { Encounter(), Patient() }.Concat(resources))
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:" + Guid.NewGuid(), Resource = r });
        }

        return bundle.ToJson();
    }

    private static TestPack PackWithCases(string expectPositive, string codes = "[N17.9]")
    {
        var yaml = TestPack.AkiRule + $"""

            tests:
              - case: aki.positive.json
                expect: {expectPositive}
                codes: {codes}
              - case: aki.negative.json
                expect: silent
            """;
        var pack = TestPack.WithRule("aki", yaml, "acute-kidney-injury");
        pack.Write("rules/acute-kidney-injury/aki.positive.json", BundleJson(
            Lab("c1", "2160-0", 1.0m, "mg/dL", "2026-03-10T10:00:00Z"),
            Lab("c2", "2160-0", 1.6m, "mg/dL", "2026-03-11T10:00:00Z")));
        pack.Write("rules/acute-kidney-injury/aki.negative.json", BundleJson(
            Lab("c1", "2160-0", 1.0m, "mg/dL", "2026-03-10T10:00:00Z"),
            Lab("c2", "2160-0", 1.1m, "mg/dL", "2026-03-11T10:00:00Z")));
        return pack;
    }

    [Fact]
    public void Run_CasesMatchingExpectations_AllPass()
    {
        using var pack = PackWithCases("fires");

        var report = RulePackTestRunner.Run(pack.Load());

        Assert.Equal(2, report.Passed);
        Assert.Equal(0, report.Failed);
    }

    [Fact]
    public void Run_WrongExpectation_FailsWithReason()
    {
        using var pack = PackWithCases("silent");

        var report = RulePackTestRunner.Run(pack.Load());

        Assert.Equal(1, report.Failed);
        var failed = Assert.Single(report.Results, r => !r.Passed);
        Assert.Equal("aki.positive.json", failed.Case);
        Assert.StartsWith("expected silence", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ExpectedCodeMissing_Fails()
    {
        using var pack = PackWithCases("fires", "[N17.9, A41.9]");

        var report = RulePackTestRunner.Run(pack.Load());

        var failed = Assert.Single(report.Results, r => !r.Passed);
        Assert.Contains("A41.9", failed.Message, StringComparison.Ordinal);
    }
}
