using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Terminology;
using EhrCodingAssist.Clinical.Tests.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Coding;

/// <summary>
/// The CPT descriptor import as docs/coding-data.md describes it: the configuration key, the AMA file layouts the loader
/// reads (tab-delimited LONGULT, fixed-field MEDU/SHORTU, a leading notice) and refuses (LONGULF/LONGUF, a malformed line
/// once code lines began). Every descriptor and notice here is made up.
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
    [InlineData("SHORTU.txt", "10000 MADE-UP SHORT DESCRIPTOR", "0001F MADE-UP CATEGORY II")] // AMA fixed-field short: code, blank, descriptor
    [InlineData("MEDU.txt", "10000 MADE-UP MEDIUM DESCRIPTOR", "0001f  MADE-UP CATEGORY II")]
    public void FixedFieldLayout_CodeInColumnsOneToFiveThenABlank_Loads(string name, string first, string second)
    {
        var file = TerminologyTestData.WriteTemp(name, first, second, "", "10001 MADE-UP|WITH A PIPE");

        var cpt = Load(file).Cpt;

        Assert.Equal(name, cpt.Version);
        Assert.Equal(first[6..], cpt.Descriptor("10000"));
        Assert.Equal("MADE-UP CATEGORY II", cpt.Descriptor("0001F"));
        Assert.Equal("MADE-UP|WITH A PIPE", cpt.Descriptor("10001"));
        Assert.False(cpt.IsKnown("10002"));
    }

    [Fact]
    public void LeadingNotice_LinesBeforeTheFirstCodeLineAreSkipped()
    {
        var file = TerminologyTestData.WriteTemp(
            "LONGULT.txt", "Made-up copyright notice, all rights reserved.", "", "CODE\tDESCRIPTOR", "10000\tMade-up long descriptor", "10001\tMade-up second");

        var cpt = Load(file).Cpt;

        Assert.Equal("Made-up long descriptor", cpt.Descriptor("10000"));
        Assert.Equal("Made-up second", cpt.Descriptor("10001"));
        Assert.False(cpt.IsKnown("CODE"));
    }

    [Theory]
    [InlineData("LONGULT.txt", "10000\tMade-up long descriptor", "Made-up trailing notice")]
    [InlineData("SHORTU.txt", "10000 MADE-UP SHORT", "10001")] // a code without its descriptor
    [InlineData("SHORTU.txt", "10000 MADE-UP SHORT", "1000 MADE-UP FOUR-DIGIT CODE")]
    public void MalformedLineAfterTheCodeLinesBegan_FailsWithItsLineNumber(string name, string codeLine, string bad)
    {
        var file = TerminologyTestData.WriteTemp(name, "Made-up notice", codeLine, "", bad);

        var ex = LoadFails(file);

        Assert.Equal(4, ex.Line);
        Assert.Equal($"{file}:4: {CptCodeSet.LineExpected}", ex.Message);
    }

    [Fact]
    public void CodeShapedFirstLineWithoutDescriptor_FailsRatherThanBeingSkipped()
    {
        var file = TerminologyTestData.WriteTemp("LONGULT.txt", "Made-up notice", "10000\t", "10001\tMade-up descriptor");

        Assert.Equal(2, LoadFails(file).Line);
    }

    [Fact]
    public void NoCodeLineAtAll_Fails()
    {
        var file = TerminologyTestData.WriteTemp("LONGULT.txt", "Made-up notice", "Made-up heading");

        var ex = LoadFails(file);

        Assert.Equal(2, ex.Line);
        Assert.Contains("no line begins with a CPT code", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LONGULF.txt", 1)]
    [InlineData("LONGUF.txt", 2)] // after a notice line
    public void MultiRecordLongLayout_FailsNamingTheFileToUse(string name, int line)
    {
        string[] records = ["1000001 Made-up long descriptor, first record", "1000002 second record"];
        var file = TerminologyTestData.WriteTemp(name, line == 1 ? records : ["Made-up notice", .. records]);

        var ex = LoadFails(file);

        Assert.Equal(line, ex.Line);
        Assert.Contains("multi-record long layout (LONGULF.txt / LONGUF.txt)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("import LONGULT.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Doc_CptSection_NamesTheKeyTheAmaFilesAndWhatTheLoaderReads()
    {
        var section = CptSection();
        var longMessage = LoadFails(TerminologyTestData.WriteTemp("LONGULF.txt", "1000001 Made-up record")).Reason;

        Assert.Contains($"`CodingData:{nameof(CodingDataPaths.CptDescriptors)}`", section, StringComparison.Ordinal);
        Assert.Contains("No CPT descriptor ever ships in this repository", section, StringComparison.Ordinal);
        Assert.Contains("`LONGULT.txt` from the AMA data files (long descriptors, upper/lower case, tab-delimited)", section, StringComparison.Ordinal);
        Assert.Contains("`MEDU.txt` and `SHORTU.txt`", section, StringComparison.Ordinal);
        Assert.Contains("`<path>:<line>: " + CptCodeSet.LineExpected + "`", section, StringComparison.Ordinal);
        Assert.Contains("`<path>:<line>: " + longMessage + "`", section, StringComparison.Ordinal);
    }
}
