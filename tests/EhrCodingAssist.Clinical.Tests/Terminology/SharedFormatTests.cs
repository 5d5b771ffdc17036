using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Terminology;

public sealed class SharedFormatTests
{
    private const string Header = "seq\tcode\tcode_dotted\tbillable\tdescription";

    [Fact]
    public void Load_DerivedTsvWithNotes_ParsesExcludes1WildcardsAndRanges()
    {
        var tsv = TerminologyTestData.WriteTemp(
            "icd10cm_fy2026_codes_derived.tsv",
            Header,
            "1\tA04\tA04\t0\tOther bacterial intestinal infections",
            "2\tA040\tA04.0\t1\tEnteropathogenic E. coli infection",
            "3\tA041\tA04.1\t1\tEnterotoxigenic E. coli infection",
            "4\tA049\tA04.9\t1\tBacterial intestinal infection, unspecified",
            "5\tA05\tA05\t0\tOther bacterial foodborne intoxications",
            "6\tA050\tA05.0\t1\tFoodborne staphylococcal intoxication",
            "7\tK52\tK52\t0\tOther noninfective gastroenteritis and colitis",
            "8\tK529\tK52.9\t1\tNoninfective gastroenteritis and colitis, unspecified");
        File.WriteAllLines(
            Path.Combine(Path.GetDirectoryName(tsv)!, "icd10cm_fy2026_tabular_with_notes.txt"),
            [
                "[A04] Other bacterial intestinal infections -- **Excludes1:** - bacterial foodborne intoxications, NEC (A05.-) - tuberculous enteritis (A18.32)",
                "[A040] Enteropathogenic E. coli infection",
                "[A041] Enterotoxigenic E. coli infection",
                "[A049] Bacterial intestinal infection, unspecified",
                "[A05] Other bacterial foodborne intoxications -- **Excludes1:** - Escherichia coli infection (A04.0-A04.1) - polyneuropathy (in): - diabetes (E08-E13 with .42)  **Excludes2:** - listeriosis (K52.9)",
                "[A050] Foodborne staphylococcal intoxication",
                "[K52] Other noninfective gastroenteritis and colitis",
                "[K529] Noninfective gastroenteritis and colitis, unspecified",
            ]);

        var set = CodeSetLoader.Load(Path.GetDirectoryName(tsv)!);

        Assert.Equal(2026, set.FiscalYear);
        Assert.Equal(8, set.Count);
        Assert.Equal(["A05", "A18.32"], set.Excludes1("A04.9"));
        Assert.Equal(["A04.0", "A04.1"], set.Excludes1("A05.0"));
        Assert.True(set.Excludes1Conflict("A05.0", "A04.1"));
        Assert.True(set.Excludes1Conflict("A04.9", "A05.0")); // via the A04 category note
        Assert.False(set.Excludes1Conflict("A04.0", "A04.9"));
        Assert.False(set.Excludes1Conflict("A05.0", "K52.9"));
    }

    [Fact]
    public void Load_DerivedTsvBadBillable_ThrowsNamingLine()
    {
        var tsv = TerminologyTestData.WriteTemp("icd10cm_fy2025_codes_derived.tsv", Header, "1\tA04\tA04\t0\tOther", "2\tA040\tA04.0\tyes\tE. coli");

        var ex = Assert.Throws<CodeSetFormatException>(() => CodeSetLoader.Load(tsv));

        Assert.Equal(3, ex.Line);
        Assert.Contains("billable", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotesFileAlone_DerivesBillableFromLeaves()
    {
        var path = TerminologyTestData.WriteTemp(
            "icd10cm_fy2025_tabular_with_notes.txt",
            "[CH01] Certain infectious and parasitic diseases (A00-B99)",
            "[A00] Cholera",
            "[A000] Cholera due to Vibrio cholerae 01, biovar cholerae",
            "bad line");

        var ex = Assert.Throws<CodeSetFormatException>(() => CodeSetLoader.Load(path));
        Assert.Equal(4, ex.Line);

        File.WriteAllLines(path, ["[CH01] Chapter", "[A00] Cholera", "[A000] Cholera due to Vibrio cholerae 01, biovar cholerae"]);
        var set = CodeSetLoader.Load(path);

        Assert.Equal(2, set.Count);
        Assert.False(set.Find("A00")!.Billable);
        Assert.True(set.Find("A00.0")!.Billable);
    }

    [Fact]
    public void Load_EmptyFolder_ThrowsNamingFolder()
    {
        var folder = Path.GetDirectoryName(TerminologyTestData.WriteTemp("readme.md", "nothing"))!;

        var ex = Assert.Throws<CodeSetFormatException>(() => CodeSetLoader.Load(folder));

        Assert.Equal(folder, ex.File);
    }
}
