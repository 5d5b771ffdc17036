using EhrCodingAssist.Clinical.Coding;
using static EhrCodingAssist.Clinical.Tests.Coding.CodingTestData;

namespace EhrCodingAssist.Clinical.Tests.Coding;

public sealed class LineEditTests
{
    private static CodingWorkingSet WithLines(params ServiceLine[] lines) => WorkingSet("E11.9") with { Lines = lines };

    [Fact]
    public void InvalidCode_TerminatedHcpcs_IsRaised()
    {
        var finding = Assert.Single(Run(WithLines(new ServiceLine("A4397", ServiceCodeSystem.Hcpcs)), "edit.invalid-code"));

        Assert.Contains("terminated on 2021-12-31", finding.Text, StringComparison.Ordinal);
        Assert.Equal("Irrigation supply sleeve", finding.Codes[0].Display);
    }

    [Fact]
    public void InvalidCode_ValidHcpcsAndCpt_IsNotRaised() =>
        Assert.Empty(Run(WithLines(new ServiceLine("J1100", ServiceCodeSystem.Hcpcs) { Modifiers = ["LT"] }, Cpt("99213", "25")), "edit.invalid-code"));

    [Fact]
    public void InvalidCode_MalformedCptAndUnknownModifier_AreRaised()
    {
        var findings = Run(WithLines(Cpt("9921"), new ServiceLine("J1100", ServiceCodeSystem.Hcpcs) { Modifiers = ["Q!"] }), "edit.invalid-code");

        Assert.Equal(2, findings.Count);
        Assert.Contains("not a CPT code", findings[0].Text, StringComparison.Ordinal);
        Assert.Contains("Modifier Q!", findings[1].Title, StringComparison.Ordinal);
        Assert.Null(findings[0].Codes[0].Display);
    }

    [Fact]
    public void Telehealth_VirtualVisitWithoutPosAndModifier_RaisesBoth()
    {
        var findings = Run(WithLines(Cpt("99213")) with { EncounterClass = "VR" }, "edit.telehealth");

        Assert.Equal(2, findings.Count);
        Assert.Contains("place of service", findings[0].Title, StringComparison.Ordinal);
        Assert.Contains("modifier", findings[1].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Telehealth_VirtualServiceTypeWithPos10AndModifier93_IsNotRaised() =>
        Assert.Empty(Run(WithLines(Cpt("99213", "93")) with { IsVirtualService = true, PlaceOfService = "10" }, "edit.telehealth"));

    [Fact]
    public void Telehealth_LinePosOverridesClaimPos()
    {
        var ws = WithLines(Cpt("99213", "95") with { PlaceOfService = "02" }) with { EncounterClass = "VR", PlaceOfService = "11" };

        Assert.Empty(Run(ws, "edit.telehealth"));
    }

    [Fact]
    public void Telehealth_InPersonVisitOrServiceNotOnList_IsNotRaised()
    {
        Assert.Empty(Run(WithLines(Cpt("99213")), "edit.telehealth"));
        Assert.Empty(Run(WithLines(new ServiceLine("J1100", ServiceCodeSystem.Hcpcs)) with { EncounterClass = "VR", PlaceOfService = "02" }, "edit.telehealth"));
    }

    [Fact]
    public void LineStructure_TooManyModifiersAndDanglingPointer_IsRaised()
    {
        var line = Cpt("99213", "25", "59", "LT", "RT", "XS") with { DiagnosisPointers = [1, 7] };

        var finding = Assert.Single(Run(WithLines(line), "edit.line-structure"));

        Assert.Contains("5 modifiers", finding.Text, StringComparison.Ordinal);
        Assert.Contains("pointer(s) 7", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LineStructure_WellFormedLine_IsNotRaised() =>
        Assert.Empty(Run(WithLines(Cpt("99213", "25") with { DiagnosisPointers = [1], Units = 1 }), "edit.line-structure"));

    [Fact]
    public void NcciPtp_PairWithoutModifier_IsRaised()
    {
        var finding = Assert.Single(Run(WithLines(Cpt("10000"), Cpt("10001")), "edit.ncci-ptp"));

        Assert.Equal(["10000", "10001"], finding.Codes.Select(c => c.Code));
        Assert.Contains("NCCI-associated modifier", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void NcciPtp_ColumnTwoWithBypassModifier_IsNotRaised()
    {
        Assert.Empty(Run(WithLines(Cpt("10000"), Cpt("10001", "XS")), "edit.ncci-ptp"));
        Assert.Single(Run(WithLines(Cpt("10000", "59"), Cpt("10001")), "edit.ncci-ptp"));
    }

    [Fact]
    public void NcciPtp_IndicatorZero_IsRaisedEvenWithModifier()
    {
        var finding = Assert.Single(Run(WithLines(Cpt("10000"), Cpt("10002", "59")), "edit.ncci-ptp"));

        Assert.Contains("indicator 0", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void NcciPtp_DifferentDatesOrDeletedEdit_IsNotRaised()
    {
        Assert.Empty(Run(WithLines(Cpt("10000"), Cpt("10001") with { ServiceDate = Fy2025Date.AddDays(1) }), "edit.ncci-ptp"));
        Assert.Empty(Run(WithLines(Cpt("10000"), Cpt("10003")), "edit.ncci-ptp"));
    }

    [Fact]
    public void Mue_DateOfServiceUnitsSummedOverLines_IsRaised()
    {
        var finding = Assert.Single(Run(WithLines(Cpt("10000"), Cpt("10000", "76")), "edit.mue"));

        Assert.Contains("2 units of 10000", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Mue_LineEditCountsEachLine()
    {
        Assert.Empty(Run(WithLines(Cpt("10001") with { Units = 2 }, Cpt("10001") with { Units = 2 }), "edit.mue"));
        Assert.Single(Run(WithLines(Cpt("10001") with { Units = 3 }), "edit.mue"));
    }

    [Fact]
    public void Mue_UnitsWithinLimitOrOnOtherDates_IsNotRaised() =>
        Assert.Empty(Run(WithLines(Cpt("10000"), Cpt("10000") with { ServiceDate = Fy2025Date.AddDays(1) }, new ServiceLine("J0000", ServiceCodeSystem.Hcpcs) { Units = 10 }), "edit.mue"));
}
