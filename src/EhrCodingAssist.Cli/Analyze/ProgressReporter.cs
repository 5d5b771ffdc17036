using System.Diagnostics;
using System.Globalization;

namespace EhrCodingAssist.Cli.Analyze;

/// <summary>Reports progress on stderr once a run has lasted a few seconds, then every few seconds (counts only, no patient data).</summary>
internal sealed class ProgressReporter(TextWriter stderr, TimeSpan firstAfter, TimeSpan every)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _next = firstAfter;

    /// <summary>True once a progress line has been written.</summary>
    public bool Reported { get; private set; }

    /// <summary>Elapsed time since the reporter was created.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Called after each encounter; writes a line when the next report is due.</summary>
    public void Tick(int encounters)
    {
        var elapsed = _clock.Elapsed;
        if (elapsed < _next)
        {
            return;
        }

        _next = elapsed + every;
        Reported = true;
        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"ehrcoding: {encounters} encounters analysed in {elapsed.TotalSeconds:F0} s ({encounters / elapsed.TotalSeconds:F0}/s)"));
    }
}
