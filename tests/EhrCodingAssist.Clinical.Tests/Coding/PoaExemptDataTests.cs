using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Terminology;
using EhrCodingAssist.Clinical.Tests.Terminology;
using static EhrCodingAssist.Clinical.Tests.Coding.CodingTestData;

namespace EhrCodingAssist.Clinical.Tests.Coding;

/// <summary>POA exempt lists as versioned data: the shipped starter, the choice by fiscal year, and the edit reading a loaded list.</summary>
public sealed class PoaExemptDataTests
{
    private static PoaExemptList Categories(int fiscalYear, params string[] entries) =>
        PoaExemptList.Load(TerminologyTestData.WriteTemp("poa.txt", [$"poa-exempt-categories FY{fiscalYear}", .. entries]));

    private static IReadOnlyList<Finding> Inpatient(PoaExemptRegistry lists, DateOnly date, string code, string? poa)
    {
        var engine = new CodingEditEngine(Data with { PoaExempt = lists });
        var workingSet = WorkingSet() with { DateOfService = date, EncounterClass = "IMP", Diagnoses = [new CodedDiagnosis(code, 1) { Poa = poa }] };
        return [.. engine.Run(workingSet).Where(f => f.Rule == "edit.poa")];
    }

    [Fact]
    public void Starter_IsTheAppendixITranscriptionForFy2025_EveryEntryAnFy2025Code()
    {
        var list = Assert.Single(PoaExemptRegistry.Starter.All);

        Assert.Equal(2025, list.FiscalYear);
        Assert.Equal(PoaExemptListFormat.Categories, list.Format);
        Assert.Equal(PoaExemptRegistry.StarterPath, list.Source);
        Assert.Equal(67, list.Ranges.Count);
        Assert.Equal(["V0081", "V0083", "X710"], list.Exceptions.Select(e => e.From));
        var unknown = list.Ranges.Concat(list.Exceptions).SelectMany(r => new[] { r.From, r.To }).Where(c => TerminologyTestData.Full.Find(c) is null);
        Assert.Empty(unknown);
        Assert.Same(PoaExemptRegistry.Starter, new CodingReferenceData { IcdCodeSets = new CodeSetRegistry([]) }.PoaExempt);
    }

    [Theory]
    [InlineData("2024-05-01", 2024)] // FY2024
    [InlineData("2024-10-01", 2024)] // FY2025 has no list: the latest earlier one
    [InlineData("2025-09-30", 2024)]
    [InlineData("2025-10-01", 2026)] // FY2026
    [InlineData("2031-01-01", 2026)]
    [InlineData("2023-09-30", null)] // FY2023: every list is later
    public void Resolve_PicksTheFiscalYearElseTheLatestEarlier(string date, int? fiscalYear)
    {
        var registry = new PoaExemptRegistry([Categories(2026, "Z68"), Categories(2024, "Z68")]);

        Assert.Equal(fiscalYear, registry.Resolve(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))?.FiscalYear);
    }

    [Fact]
    public void Registry_LaterListOfTheSameYear_Replaces()
    {
        var registry = new PoaExemptRegistry([Categories(2025, "Z68"), Categories(2025, "J18")]);

        var list = Assert.Single(registry.All);
        Assert.True(list.IsExempt("J18.9"));
        Assert.Same(list, registry.ForFiscalYear(2025));
        Assert.Null(registry.ForFiscalYear(2024));
    }

    [Fact]
    public void Edit_CodeOnACustomList_IsExempt_AndTheStarterNoLongerApplies()
    {
        var custom = new PoaExemptRegistry([Categories(2025, "J18")]);

        Assert.Empty(Inpatient(custom, Fy2025Date, "J18.9", null));
        Assert.Empty(Inpatient(custom, Fy2025Date, "J18.9", "1"));
        Assert.Single(Inpatient(PoaExemptRegistry.Starter, Fy2025Date, "J18.9", null));
        var finding = Assert.Single(Inpatient(custom, Fy2025Date, "Z68.41", "1"));
        Assert.Equal("POA indicator 1 (exempt) on Z68.41", finding.Title);
        Assert.Contains("not on the POA exempt list (FY2025", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Edit_CmsList_ExemptsExactCodesOnly()
    {
        var cms = new PoaExemptRegistry([PoaExemptList.Load(TerminologyTestData.WriteTemp(
            "POAexemptCodesFY25.txt", "OrdFY25\tPOAexemptCode\tDescription", "11598\tI25.2\tOld myocardial infarction"))]);

        Assert.Empty(Inpatient(cms, Fy2025Date, "I25.2", "1"));
        Assert.Single(Inpatient(cms, Fy2025Date, "I25.10", null));
        Assert.Single(Inpatient(cms, Fy2025Date, "Z68.41", null));
    }

    [Fact]
    public void Edit_ChoosesTheListByTheDateOfServiceFiscalYear()
    {
        var lists = new PoaExemptRegistry([Categories(2024, "J18"), Categories(2026, "N17")]);

        Assert.Empty(Inpatient(lists, new DateOnly(2025, 3, 14), "J18.9", null)); // FY2025 uses FY2024's list
        Assert.Single(Inpatient(lists, new DateOnly(2025, 3, 14), "N17.9", null));
        Assert.Single(Inpatient(lists, new DateOnly(2025, 10, 2), "J18.9", null)); // FY2026
        Assert.Empty(Inpatient(lists, new DateOnly(2025, 10, 2), "N17.9", null));
    }

    [Fact]
    public void Edit_NoListForTheYear_ChecksOnlyTheIndicatorSpelling()
    {
        var later = new PoaExemptRegistry([Categories(2026, "Z68")]);

        Assert.Empty(Inpatient(later, Fy2025Date, "N17.9", null));
        Assert.Empty(Inpatient(later, Fy2025Date, "N17.9", "1"));
        Assert.Equal("POA indicator 'X' is not valid", Assert.Single(Inpatient(later, Fy2025Date, "N17.9", "X")).Title);
    }

    [Fact]
    public void Loader_ConfiguredLists_ReplaceTheStarter_AndBadFilesNameTheLine()
    {
        var icd = TerminologyTestData.WriteTemp("icd10cm_order_2025.txt", TerminologyTestData.OrderLine(1, "J189", true, "Pneumonia, unspecified organism", "Pneumonia, unspecified organism"));
        var fy25 = TerminologyTestData.WriteTemp("POAexemptCodesFY25.txt", "OrdFY25\tPOAexemptCode\tDescription", "11598\tI25.2\tOld myocardial infarction");
        var fy26 = TerminologyTestData.WriteTemp("poa.txt", "poa-exempt-categories FY2026", "Z68");

        var data = CodingReferenceDataLoader.Load(new CodingDataPaths { IcdCodeSets = [icd], PoaExempt = [fy25, fy26] });

        Assert.Equal([2025, 2026], data.PoaExempt.All.Select(l => l.FiscalYear));
        Assert.Same(PoaExemptRegistry.Starter, CodingReferenceDataLoader.Load(new CodingDataPaths { IcdCodeSets = [icd] }).PoaExempt);
        var bad = TerminologyTestData.WriteTemp("poa.txt", "poa-exempt-categories FY2026", "Z68", "Z6B.1?");
        var ex = Assert.Throws<CodeSetFormatException>(() => CodingReferenceDataLoader.Load(new CodingDataPaths { IcdCodeSets = [icd], PoaExempt = [fy25, bad] }));
        Assert.Equal($"{bad}:3: 'Z6B.1?' is not an ICD-10-CM code, category or range (3 to 7 letters or digits, letter first)", ex.Message);
    }
}
