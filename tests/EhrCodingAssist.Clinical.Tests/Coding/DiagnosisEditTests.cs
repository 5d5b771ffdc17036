using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Findings;
using static EhrCodingAssist.Clinical.Tests.Coding.CodingTestData;

namespace EhrCodingAssist.Clinical.Tests.Coding;

public sealed class DiagnosisEditTests
{
    [Fact]
    public void Run_ValidBillableCodes_RaisesNoEdits()
    {
        var findings = Engine.Run(WorkingSet("E11.9", "I12.9", "N18.4"));

        Assert.Empty(findings);
    }

    [Fact]
    public void InvalidCode_UnknownCode_IsRaised()
    {
        var finding = Assert.Single(Run(WorkingSet("E11.99"), "edit.invalid-code"));

        Assert.Equal(FindingKind.Edit, finding.Kind);
        Assert.Contains("not an ICD-10-CM code", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidCode_CodeOnlyInEarlierYear_IsReportedDeleted()
    {
        var finding = Assert.Single(Run(WorkingSet("Z99.99"), "edit.invalid-code"));

        Assert.Contains("deleted", finding.Text, StringComparison.Ordinal);
        Assert.Contains("FY2024", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidCode_CodeOnlyInLaterYear_IsReportedNotYetEffective()
    {
        var finding = Assert.Single(Run(WorkingSet("Z99.98"), "edit.invalid-code"));

        Assert.Contains("not yet effective", finding.Text, StringComparison.Ordinal);
        Assert.Empty(Run(WorkingSet("Z99.98") with { DateOfService = new DateOnly(2025, 10, 1) }, "edit.invalid-code"));
    }

    [Fact]
    public void HeaderCode_Category_IsRaisedWithBillableExamples()
    {
        var finding = Assert.Single(Run(WorkingSet("E11"), "edit.header-code"));

        Assert.Equal("E11", finding.Codes[0].Code);
        Assert.Contains("E11.00", finding.Text, StringComparison.Ordinal);
        Assert.Empty(Run(WorkingSet("E11.00"), "edit.header-code"));
    }

    [Fact]
    public void Excludes1_Type1AndType2Diabetes_IsRaised()
    {
        var finding = Assert.Single(Run(WorkingSet("E11.9", "E10.10"), "edit.excludes1"));

        Assert.Equal(["E11.9", "E10.10"], finding.Codes.Select(c => c.Code));
        Assert.Equal("Type 2 diabetes mellitus without complications", finding.Codes[0].Display);
    }

    [Fact]
    public void Excludes1_UnrelatedCodes_IsNotRaised() =>
        Assert.Empty(Run(WorkingSet("E11.9", "E11.42", "I10"), "edit.excludes1"));

    [Fact]
    public void AgeSex_PregnancyCodeForMale_IsRaised()
    {
        var finding = Assert.Single(Run(WorkingSet("O80") with { PatientSex = AdministrativeSex.Male }, "edit.age-sex"));

        Assert.Contains("pregnancy-sex", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AgeSex_PregnancyCodeForWomanOf30_IsNotRaised() =>
        Assert.Empty(Run(WorkingSet("O80") with { PatientAgeYears = 30 }, "edit.age-sex"));

    [Fact]
    public void AgeSex_PregnancyCodeAt70_IsRaisedAsAge()
    {
        var finding = Assert.Single(Run(WorkingSet("O80") with { PatientAgeYears = 70 }, "edit.age-sex"));

        Assert.Contains("ages 9 to 64", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AgeSex_NewbornCodeForAdult_IsRaisedButNotForNewborn()
    {
        Assert.Single(Run(WorkingSet("P07.30") with { PatientAgeYears = 40 }, "edit.age-sex"));
        Assert.Empty(Run(WorkingSet("P07.30") with { PatientAgeYears = 0 }, "edit.age-sex"));
    }

    [Fact]
    public void AgeSex_ProstateCodeForFemale_IsRaisedAndUnknownSexIsNot()
    {
        Assert.Single(Run(WorkingSet("N40.0"), "edit.age-sex"));
        Assert.Empty(Run(WorkingSet("N40.0") with { PatientSex = AdministrativeSex.Unknown }, "edit.age-sex"));
    }

    [Fact]
    public void Manifestation_AsPrincipal_IsRaised()
    {
        var finding = Assert.Single(Run(WorkingSet("G63", "E11.42"), "edit.manifestation-principal"));

        Assert.Equal("G63", finding.Codes[0].Code);
    }

    [Fact]
    public void Manifestation_AsSecondary_IsNotRaised() =>
        Assert.Empty(Run(WorkingSet("E11.42", "G63"), "edit.manifestation-principal"));

    [Fact]
    public void Manifestation_CodeFirstWithoutClassifiedElsewhere_IsNotRaised() =>
        Assert.Empty(Run(WorkingSet("N18.4", "E11.22"), "edit.manifestation-principal"));

    [Fact]
    public void Unspecified_WhenRecordDocumentsSpecific_IsRaised()
    {
        var finding = Assert.Single(Run(WorkingSet("I50.9") with { DocumentedCodes = ["I50.23", "I10"] }, "edit.unspecified-when-specific"));

        Assert.Equal(["I50.9", "I50.23"], finding.Codes.Select(c => c.Code));
    }

    [Fact]
    public void Unspecified_WhenRecordDocumentsOnlyUnrelatedOrSame_IsNotRaised()
    {
        Assert.Empty(Run(WorkingSet("I50.9") with { DocumentedCodes = ["I10", "I50.9", "I50.2"] }, "edit.unspecified-when-specific"));
        Assert.Empty(Run(WorkingSet("I50.9", "I50.23") with { DocumentedCodes = ["I50.23"] }, "edit.unspecified-when-specific"));
    }

    [Fact]
    public void Poa_InpatientWithoutIndicator_IsRaised()
    {
        var ws = WorkingSet() with
        {
            EncounterClass = "IMP",
            Diagnoses = [new CodedDiagnosis("N17.9", 1), new CodedDiagnosis("E11.9", 2) { Poa = "X" }, new CodedDiagnosis("I10", 3) { Poa = "w" }],
        };

        var findings = Run(ws, "edit.poa");

        Assert.Equal(2, findings.Count);
        Assert.Contains("missing", findings[0].Title, StringComparison.Ordinal);
        Assert.Contains("not valid", findings[1].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Poa_ExemptCodeOrOutpatient_IsNotRaised()
    {
        Assert.Empty(Run(WorkingSet() with { EncounterClass = "IMP", Diagnoses = [new CodedDiagnosis("Z79.4", 1)] }, "edit.poa"));
        Assert.Empty(Run(WorkingSet() with { Diagnoses = [new CodedDiagnosis("N17.9", 1)] }, "edit.poa"));
    }
}
