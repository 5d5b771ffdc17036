using EhrCodingAssist.Clinical.Coding;
using static EhrCodingAssist.Clinical.Tests.Coding.CodingTestData;

namespace EhrCodingAssist.Clinical.Tests.Coding;

/// <summary>The ICD-10-CM guideline edits (FY2025 sections in each finding's source), positive and negative.</summary>
public sealed class GuidelineEditTests
{
    private static CodingWorkingSet Inpatient(params (string Code, string Poa)[] diagnoses) => WorkingSet() with
    {
        EncounterClass = "IMP",
        Diagnoses = [.. diagnoses.Select((d, i) => new CodedDiagnosis(d.Code, i + 1) { Poa = d.Poa })],
    };

    [Theory]
    [InlineData("I12.9", "I10", "N18.4")]
    [InlineData("I12.0", "I10", "N18.6")]
    [InlineData("I12.0", "I12.9", "N18.5")]
    [InlineData("I11.0", "I10", "I50.22")]
    [InlineData("I11.0", "I11.9", "I50.9")]
    [InlineData("I11.9", "I10", "I51.9")]
    [InlineData("I13.0", "I10", "I50.22", "N18.4")]
    [InlineData("I13.2", "I10", "I50.32", "N18.6")]
    [InlineData("I13.10", "I10", "I51.7", "N18.30")]
    [InlineData("I13.11", "I12.0", "I51.9", "N18.6")]
    [InlineData("I13.0", "I11.0", "I50.22", "N18.4")]
    public void HypertensionCombination_ConditionsCodedApart_NamesTheCombinationCode(string expected, params string[] codes)
    {
        var finding = Assert.Single(Run(WorkingSet(codes), "edit.hypertension-combination"));

        Assert.Equal(expected, finding.Codes[^1].Code);
        Assert.Contains("I.C.9.a", finding.Source, StringComparison.Ordinal);
        Assert.Contains("unless the provider documents that the conditions are unrelated", finding.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I10")]
    [InlineData("I10", "E11.9")]
    [InlineData("I12.9", "N18.4")]
    [InlineData("I12.0", "N18.6")]
    [InlineData("I11.0", "I50.22")]
    [InlineData("I13.0", "I50.22", "N18.4")]
    [InlineData("I13.2", "I50.32", "N18.6")]
    [InlineData("N18.4", "E11.22")]
    public void HypertensionCombination_CombinationCodedOrNoHypertension_IsNotRaised(params string[] codes) =>
        Assert.Empty(Run(WorkingSet(codes), "edit.hypertension-combination"));

    [Theory]
    [InlineData("I12.9", "N18.1")]
    [InlineData("E11.22", "N18.1")]
    [InlineData("I11.0", "I50")]
    [InlineData("I13.11", "N18.5")]
    [InlineData("O80", "Z37.0")]
    public void UseAdditionalCode_TabularNoteCodeMissing_IsRaised(string code, string wanted)
    {
        var finding = Assert.Single(Run(WorkingSet(code), "edit.use-additional-code"));

        Assert.Contains(wanted, finding.Title, StringComparison.Ordinal);
        Assert.Contains("Use additional code", finding.Source, StringComparison.Ordinal);
        Assert.Contains("I.A.13", finding.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I12.9", "N18.4")]
    [InlineData("E11.22", "N18.30")]
    [InlineData("I13.0", "I50.22", "N18.4")]
    [InlineData("E11.9")]
    [InlineData("N10")]
    [InlineData("C34.90")]
    [InlineData("R65.20")]
    public void UseAdditionalCode_CodePresentOrNoteConditional_IsNotRaised(params string[] codes) =>
        Assert.Empty(Run(WorkingSet(codes), "edit.use-additional-code"));

    [Fact]
    public void SevereSepsis_Principal_IsRaisedAsNeverPrincipal()
    {
        var findings = Run(WorkingSet("R65.20", "A41.9"), "edit.sepsis-sequencing");

        var finding = Assert.Single(findings);
        Assert.Contains("never", finding.Text, StringComparison.Ordinal);
        Assert.EndsWith("I.C.1.d.3", finding.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void SevereSepsis_WithoutSystemicInfectionBefore_IsRaised()
    {
        var finding = Assert.Single(Run(WorkingSet("J18.9", "R65.20"), "edit.sepsis-sequencing"));

        Assert.EndsWith("I.C.1.d.1.b", finding.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A41.9", "R65.20", "J18.9")]
    [InlineData("A40.3", "R65.21")]
    [InlineData("T81.44XA", "R65.20", "A41.9")]
    public void SevereSepsis_AfterItsInfection_IsNotRaised(params string[] codes) =>
        Assert.Empty(Run(WorkingSet(codes), "edit.sepsis-sequencing"));

    [Fact]
    public void Sepsis_PresentOnAdmissionAfterLocalizedInfection_IsRaised()
    {
        var finding = Assert.Single(Run(Inpatient(("J18.9", "Y"), ("A41.9", "Y")), "edit.sepsis-sequencing"));

        Assert.Equal(["J18.9", "A41.9"], finding.Codes.Select(c => c.Code));
        Assert.EndsWith("I.C.1.d.4", finding.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A41.9", "Y", "J18.9", "Y")]
    [InlineData("J18.9", "Y", "A41.9", "N")]
    [InlineData("T81.44XA", "Y", "A41.9", "Y")]
    [InlineData("O85", "Y", "A41.9", "Y")]
    public void Sepsis_SequencedFirstNotPoaOrCodedFirstCondition_IsNotRaised(string first, string firstPoa, string second, string secondPoa) =>
        Assert.Empty(Run(Inpatient((first, firstPoa), (second, secondPoa)), "edit.sepsis-sequencing"));

    [Fact]
    public void Sepsis_OutpatientWithoutPoa_SequencingByPoaIsNotApplied() =>
        Assert.Empty(Run(WorkingSet("J18.9", "A41.9"), "edit.sepsis-sequencing"));

    [Theory]
    [InlineData("Z68.41", "I.C.21.c.3")]
    [InlineData("W19.XXXA", "I.C.20")]
    [InlineData("Y92.009", "I.C.20")]
    public void SecondaryOnly_BmiOrExternalCauseFirst_IsRaised(string code, string section)
    {
        var finding = Assert.Single(Run(WorkingSet(code, "E66.01"), "edit.secondary-only-principal"));

        Assert.Contains(section, finding.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondaryOnly_BmiAndExternalCauseAsSecondary_IsNotRaised() =>
        Assert.Empty(Run(WorkingSet("E66.01", "Z68.41", "S72.001A", "W19.XXXA"), "edit.secondary-only-principal"));

    [Theory]
    [InlineData("Z68.41", 15, "bmi-adult-age")]
    [InlineData("Z68.1", 19, "bmi-adult-age")]
    [InlineData("Z68.54", 30, "bmi-pediatric-age")]
    [InlineData("Z68.52", 1, "bmi-pediatric-age")]
    public void AgeSex_BmiCodeForTheWrongAge_IsRaised(string code, int age, string group)
    {
        var finding = Assert.Single(Run(WorkingSet("E66.01", code) with { PatientAgeYears = age }, "edit.age-sex"));

        Assert.Contains(group, finding.Text, StringComparison.Ordinal);
        Assert.Contains("Z68", finding.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Z68.41", 20)]
    [InlineData("Z68.54", 15)]
    [InlineData("Z68.51", 2)]
    public void AgeSex_BmiCodeForTheRightAge_IsNotRaised(string code, int age) =>
        Assert.Empty(Run(WorkingSet("E66.01", code) with { PatientAgeYears = age }, "edit.age-sex"));

    [Theory]
    [InlineData("D07.0", AdministrativeSex.Male, "female-genital-cis-sex")]
    [InlineData("D07.39", AdministrativeSex.Male, "female-genital-cis-sex")]
    [InlineData("Z12.4", AdministrativeSex.Male, "cervix-screening-sex")]
    [InlineData("Q51.0", AdministrativeSex.Male, "female-genital-congenital-sex")]
    [InlineData("E28.2", AdministrativeSex.Male, "ovarian-dysfunction-sex")]
    [InlineData("Z90.710", AdministrativeSex.Male, "absent-uterus-ovaries-sex")]
    [InlineData("Q53.10", AdministrativeSex.Female, "male-genital-congenital-sex")]
    [InlineData("Q54.1", AdministrativeSex.Female, "male-genital-congenital-sex")]
    [InlineData("D07.5", AdministrativeSex.Female, "male-genital-cis-sex")]
    [InlineData("Z12.71", AdministrativeSex.Female, "testis-screening-sex")]
    public void AgeSex_SexConflictAddedToTheTable_IsRaised(string code, AdministrativeSex sex, string group)
    {
        var finding = Assert.Single(Run(WorkingSet(code) with { PatientSex = sex }, "edit.age-sex"));

        Assert.Contains(group, finding.Text, StringComparison.Ordinal);
        Assert.Contains("CMS MCE sex edit", finding.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("D07.0", AdministrativeSex.Female)]
    [InlineData("Z12.4", AdministrativeSex.Female)]
    [InlineData("Q53.10", AdministrativeSex.Male)]
    [InlineData("Q56.4", AdministrativeSex.Male)]
    [InlineData("Q56.4", AdministrativeSex.Female)]
    [InlineData("D07.0", AdministrativeSex.Unknown)]
    public void AgeSex_SexMatchesOrNotSexSpecific_IsNotRaised(string code, AdministrativeSex sex) =>
        Assert.Empty(Run(WorkingSet(code) with { PatientSex = sex }, "edit.age-sex"));

    [Fact]
    public void Poa_WeeksOfGestationWithExemptIndicator_IsNotRaised() =>
        Assert.Empty(Run(Inpatient(("O80", "Y"), ("Z3A.39", "1"), ("Z37.0", "1")) with { PatientAgeYears = 30 }, "edit.poa"));

    [Fact]
    public void Poa_NonExemptCodeWithExemptIndicator_IsStillRaised() =>
        Assert.Single(Run(Inpatient(("O80", "Y"), ("O99.89", "1")) with { PatientAgeYears = 30 }, "edit.poa"));
}
