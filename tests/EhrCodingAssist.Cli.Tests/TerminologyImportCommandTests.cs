namespace EhrCodingAssist.Cli.Tests;

public sealed class TerminologyImportCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TerminologyImport_SharedFy2025Release_ReportsOfficialCounts()
    {
        var result = CliRunner.Run("terminology", "import", Path.Combine(TestPaths.Shared, "data", "icd10cm"));

        Assert.True(result.Exit == 0, result.Stderr);
        Assert.StartsWith("ICD-10-CM FY2025: 97,584 codes (74,260 billable, 23,324 headers)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TerminologyImport_CmsOrderFileSample_ReportsCounts()
    {
        var path = _temp.File("icd10cm_order_2025.txt", string.Join('\n',
            OrderLine(1, "N17", false, "Acute kidney failure"),
            OrderLine(2, "N170", true, "Acute kidney failure with tubular necrosis"),
            OrderLine(3, "N179", true, "Acute kidney failure, unspecified")) + "\n");

        var result = CliRunner.Run("terminology", "import", path);

        Assert.True(result.Exit == 0, result.Stderr);
        Assert.StartsWith("ICD-10-CM FY2025: 3 codes (2 billable, 1 headers)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TerminologyImport_MissingPath_ExitTwo()
    {
        var result = CliRunner.Run("terminology", "import", Path.Combine(_temp.Path, "none.txt"));

        Assert.Equal(2, result.Exit);
        Assert.Contains("none.txt", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    // CMS order-file layout: order number (5), blank, code (7), blank, header flag (1), blank, short title (60), blank, long title.
    private static string OrderLine(int order, string code, bool billable, string title) =>
        $"{order,5:D5} {code,-7} {(billable ? 1 : 0)} {title,-60} {title}";
}
