namespace EhrCodingAssist.Cli.Tests;

public sealed class RulesTestCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void RulesTest_CorePack_AllCasesPassExitZero()
    {
        var result = CliRunner.Run("rules", "test");

        Assert.True(result.Exit == 0, result.Stdout + result.Stderr);
        Assert.Matches(@"^[1-9]\d* passed, 0 failed$", result.Stdout.Trim().Split('\n')[^1]);
    }

    [Fact]
    public void RulesTest_CaseExpectationFlipped_ReportsFailureExitOne()
    {
        var pack = Path.Combine(_temp.Path, "pack");
        TestPaths.CopyDirectory(TestPaths.CorePackSource, pack);
        var rule = Directory.GetFiles(Path.Combine(pack, "rules"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .First(f => File.ReadAllText(f).Contains("expect: silent", StringComparison.Ordinal));
        File.WriteAllText(rule, File.ReadAllText(rule).Replace("expect: silent", "expect: fires", StringComparison.Ordinal));

        var result = CliRunner.Run("rules", "test", pack);

        Assert.Equal(1, result.Exit);
        Assert.Contains("FAIL " + Path.GetFileNameWithoutExtension(rule), result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"^\d+ passed, [1-9]\d* failed$", result.Stdout.Trim().Split('\n')[^1]);
    }
}
