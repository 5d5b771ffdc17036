using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Terminology;
using EhrCodingAssist.Clinical.Tests.Terminology;
using static EhrCodingAssist.Clinical.Tests.Coding.CodingTestData;

namespace EhrCodingAssist.Clinical.Tests.Coding;

/// <summary>Payer-configurable telehealth modifier rule: Medicare no longer asks for 95 with POS 02/10 from 2024.</summary>
public sealed class PayerRuleTests
{
    private static CodingWorkingSet Virtual(string pos, DateOnly date, params PayerRef[] payers) => WorkingSet("E11.9") with
    {
        EncounterClass = "VR",
        PlaceOfService = pos,
        DateOfService = date,
        Payers = payers,
        Lines = [Cpt("99213")],
    };

    private static bool ModifierRaised(CodingWorkingSet ws) =>
        Run(ws, "edit.telehealth").Any(f => f.Title.StartsWith("Telehealth modifier", StringComparison.Ordinal));

    [Theory]
    [InlineData("10")]
    [InlineData("02")]
    public void Telehealth_DefaultPayerWithoutModifier_IsRaised(string pos) =>
        Assert.True(ModifierRaised(Virtual(pos, Fy2025Date, new PayerRef("Acme Health Plan", "ACME1"))));

    [Theory]
    [InlineData("10")]
    [InlineData("02")]
    public void Telehealth_MedicareSince2024WithoutModifier_IsNotRaised(string pos) =>
        Assert.False(ModifierRaised(Virtual(pos, Fy2025Date, new PayerRef("medicare part b", null))));

    [Fact]
    public void Telehealth_MedicareBefore2024WithoutModifier_IsRaised()
    {
        var finding = Run(Virtual("10", new DateOnly(2023, 6, 1), new PayerRef("Medicare", null)), "edit.telehealth")
            .Single(f => f.Title.StartsWith("Telehealth modifier", StringComparison.Ordinal));

        Assert.Contains("Medicare fee-for-service", finding.Text, StringComparison.Ordinal);
        Assert.Contains("payer rules 'medicare'", finding.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Telehealth_SecondaryMedicareDoesNotChooseTheRules_IsRaised() =>
        Assert.True(ModifierRaised(Virtual("10", Fy2025Date, new PayerRef("Acme Health Plan", null), new PayerRef("Medicare", null))));

    [Fact]
    public void Telehealth_ConfiguredPayerByIdentifier_FollowsItsOwnRules()
    {
        var path = TerminologyTestData.WriteTemp("payer-rules.json", """
            { "default": { "id": "default", "name": "everyone", "telehealthModifier": [ { "requiredWithPlacesOfService": [] } ] },
              "payers": [ { "id": "acme", "name": "Acme", "identifiers": [ "ACME1" ],
                            "telehealthModifier": [ { "requiredWithPlacesOfService": [ "02", "10" ] } ] } ] }
            """);
        var engine = new CodingEditEngine(Data with { PayerRules = PayerRuleSet.Load(path) });

        bool Raised(PayerRef payer) => engine.Run(Virtual("10", Fy2025Date, payer)).Any(f => f.Title.StartsWith("Telehealth modifier", StringComparison.Ordinal));

        Assert.True(Raised(new PayerRef(null, "ACME1")));
        Assert.False(Raised(new PayerRef("Medicare", null)));
    }

    [Theory]
    [InlineData("""{ "payers": [] }""", "'default' profile is missing")]
    [InlineData("""{ "default": { "id": "d", "name": "d", "telehealthModifier": [ { "requiredWithPlacesOfService": [ "2" ] } ] } }""", "not a two-digit CMS POS code")]
    [InlineData("""{ "default": { "id": "d", "name": "d" }, "payers": [ { "id": "a", "name": "a" }, { "id": "a", "name": "b" } ] }""", "appears twice")]
    [InlineData("""{ "default": { "id": "d", "name": "d" """, "not valid payer rules JSON")]
    public void Load_BadFile_FailsNamingTheFile(string json, string reason)
    {
        var path = TerminologyTestData.WriteTemp("payer-rules.json", json);

        var e = Assert.Throws<CodeSetFormatException>(() => PayerRuleSet.Load(path));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Contains("payer-rules.json", e.Message, StringComparison.Ordinal);
    }
}
