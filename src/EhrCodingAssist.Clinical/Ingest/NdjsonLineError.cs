namespace EhrCodingAssist.Clinical.Ingest;

/// <summary>An NDJSON line that was skipped: the file, its 1-based line number and why (no resource content).</summary>
public sealed record NdjsonLineError(string File, int Line, string Reason)
{
    /// <summary>"file:line: reason".</summary>
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
