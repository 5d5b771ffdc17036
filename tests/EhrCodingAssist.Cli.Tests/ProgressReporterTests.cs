using EhrCodingAssist.Cli.Analyze;

namespace EhrCodingAssist.Cli.Tests;

public sealed class ProgressReporterTests
{
    [Fact]
    public void Tick_BeforeFirstReportIsDue_WritesNothing()
    {
        using var stderr = new StringWriter();
        var progress = new ProgressReporter(stderr, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

        progress.Tick(10);

        Assert.False(progress.Reported);
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public void Tick_ReportDue_OneCountLineThenQuietUntilNextInterval()
    {
        using var stderr = new StringWriter();
        var progress = new ProgressReporter(stderr, TimeSpan.Zero, TimeSpan.FromHours(1));

        progress.Tick(1234);
        progress.Tick(1235);

        Assert.True(progress.Reported);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ehrcoding: 1234 encounters analysed in ", line, StringComparison.Ordinal);
    }
}
