using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Terminology;
using EhrCodingAssist.Clinical.Tests.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Coding;

/// <summary>
/// The CPT descriptor import as docs/coding-data.md describes it: the configuration key, the AMA file layouts the loader
/// reads (tab-delimited LONGULT) and does not (fixed-field MEDU/SHORTU, a copyright line). Every descriptor here is made up.
/// </summary>
public sealed class CptDescriptorImportTests
{
    private static readonly string Icd = TerminologyTestData.WriteTemp(
        "icd10cm_order_2025.txt", TerminologyTestData.OrderLine(1, "J189", true, "Pneumonia, unspecified organism", "Pneumonia, unspecified organism"));

    private static CodingReferenceData Load(string cptFile) =>
        CodingReferenceDataLoader.Load(new CodingDataPaths { IcdCodeSets = [Icd], CptDescriptors = cptFile });

    private static CodeSetFormatException LoadFails(string cptFile) => Assert.Throws<CodeSetFormatException>(() => Load(cptFile));

    private static string CptSection()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "EhrCodingAssist.sln")))
        {
            dir = dir.Parent;
        }

        var doc = File.ReadAllText(Path.Combine(dir.FullName, "docs", "coding-data.md"));
        var start = doc.IndexOf("### CPT descriptors", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/coding-data.md has no CPT descriptors section");
        var end = doc.IndexOf("\n### ", start + 4, StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(doc[start..end], @"\s+", " "); // line breaks as spaces
    }

    [Fact]
    public void LongultLayout_CodeTabDescriptor_LoadsThroughTheConfiguredPath()
    {
        var file = TerminologyTestData.WriteTemp("LONGULT.txt", "10000\tMade-up long descriptor, one", "0001f\tMade-up Category II descriptor", "10001|Made-up piped descriptor");

        var cpt = Load(file).Cpt;

        Assert.Equal("LONGULT.txt", cpt.Version);
        Assert.Equal("Made-up long descriptor, one", cpt.Descriptor("10000"));
        Assert.Equal("Made-up Category II descriptor", cpt.Descriptor("0001F"));
        Assert.True(cpt.IsKnown("10001"));
        Assert.False(cpt.IsKnown("10002"));
    }

    [Theory]
    [InlineData("SHORTU.txt", "10000 MADE-UP SHORT DESCRIPTOR")] // AMA fixed-field short/medium: code, blank, descriptor
    [InlineData("LONGULF.txt", "1000001 Made-up long descriptor, first record")] // fixed-field long: code, sequence, blank
    [InlineData("LONGULT.txt", "CPT copyright 2025 American Medical Association. All rights reserved.")] // a notice line first
    public void OtherLayouts_FailOnTheirFirstLine_WithTheMessageTheDocQuotes(string name, string firstLine)
    {
        var file = TerminologyTestData.WriteTemp(name, firstLine, "10000\tMade-up long descriptor");

        var ex = LoadFails(file);

        Assert.Equal(1, ex.Line);
        Assert.Equal($"{file}:1: expected 'CPT code<TAB>descriptor'", ex.Message);
    }

    [Fact]
    public void Doc_CptSection_NamesTheKeyTheAmaFilesAndWhatTheLoaderCannotRead()
    {
        var section = CptSection();
        var message = LoadFails(TerminologyTestData.WriteTemp("MEDU.txt", "10000 MADE-UP MEDIUM DESCRIPTOR")).Message;

        Assert.Contains($"`CodingData:{nameof(CodingDataPaths.CptDescriptors)}`", section, StringComparison.Ordinal);
        Assert.Contains("No CPT descriptor ever ships in this repository", section, StringComparison.Ordinal);
        Assert.Contains("`LONGULT.txt` from the AMA data files (long descriptors, upper/lower case, tab-delimited)", section, StringComparison.Ordinal);
        Assert.Contains("The loader cannot read the AMA's fixed-field files:** `MEDU.txt` and `SHORTU.txt`", section, StringComparison.Ordinal);
        Assert.Contains("`<path>:<line>: " + message[(message.IndexOf(": ", StringComparison.Ordinal) + 2)..] + "`", section, StringComparison.Ordinal);
    }
}
