using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Coding.Ncci;
using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Terminology;
using EhrCodingAssist.Clinical.Tests.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Coding;

/// <summary>
/// Reference data for the edit tests: the full FY2025 ICD-10-CM set, two tiny order files (FY2024 with a code that
/// FY2025 no longer has, FY2026 with a code FY2025 does not yet have), the real HCPCS file, and the test NCCI/MUE tables.
/// </summary>
internal static class CodingTestData
{
    public static readonly DateOnly Fy2025Date = new(2025, 3, 14);

    private static readonly Lazy<CodingEditEngine> LazyEngine = new(() => new CodingEditEngine(Data));

    private static readonly Lazy<CodingReferenceData> LazyData = new(() =>
    {
        var fy2024 = CodeSetLoader.Load(TerminologyTestData.WriteTemp(
            "icd10cm_order_2024.txt",
            TerminologyTestData.OrderLine(1, "Z9999", true, "Test code deleted after FY2024", "Test code deleted after FY2024")));
        var fy2026 = CodeSetLoader.Load(TerminologyTestData.WriteTemp(
            "icd10cm_order_2026.txt",
            TerminologyTestData.OrderLine(1, "Z9998", true, "Test code new in FY2026", "Test code new in FY2026")));
        return new CodingReferenceData
        {
            IcdCodeSets = new CodeSetRegistry([fy2024, TerminologyTestData.Full, fy2026]),
            Hcpcs = HcpcsCodeSet.Load(Path.Combine(TerminologyTestData.SharedData, "hcpcs", "HCPC2025_OCT_ANWEB.csv")),
            Ptp = NcciPtpTable.Load(TerminologyTestData.WriteTemp("ptp.txt", NcciTableTests.PtpLines)),
            Mue = MueTable.Load(TerminologyTestData.WriteTemp("mue.txt", NcciTableTests.MueLines)),
        };
    });

    // FY2024 (tiny) and the full FY2025 only: a date in FY2027 falls back to FY2025, one in FY2020 has no release.
    private static readonly Lazy<CodingEditEngine> LazyFallbackEngine = new(() => new CodingEditEngine(Data with
    {
        IcdCodeSets = new CodeSetRegistry(Data.IcdCodeSets.All.Where(s => s.FiscalYear <= 2025)),
    }));

    public static CodingReferenceData Data => LazyData.Value;

    /// <summary>An engine whose latest ICD-10-CM release is FY2025 (with FY2024 before it).</summary>
    public static CodingEditEngine FallbackEngine => LazyFallbackEngine.Value;

    public static CodingEditEngine Engine => LazyEngine.Value;

    public static CodingWorkingSet WorkingSet(params string[] diagnoses) => new()
    {
        DateOfService = Fy2025Date,
        EncounterClass = "AMB",
        PatientAgeYears = 50,
        PatientSex = AdministrativeSex.Female,
        PlaceOfService = "11",
        Diagnoses = [.. diagnoses.Select((code, i) => new CodedDiagnosis(code, i + 1) { Poa = "Y" })],
    };

    public static ServiceLine Cpt(string code, params string[] modifiers) => new(code, ServiceCodeSystem.Cpt) { Modifiers = modifiers };

    public static IReadOnlyList<Finding> Run(CodingWorkingSet workingSet, string rule) =>
        [.. Engine.Run(workingSet).Where(f => f.Rule == rule)];
}
