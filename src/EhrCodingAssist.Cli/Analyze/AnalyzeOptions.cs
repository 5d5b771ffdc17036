namespace EhrCodingAssist.Cli.Analyze;

/// <summary>What <c>ehrcoding analyze</c> was asked to do.</summary>
/// <param name="Paths">Bundle JSON files, NDJSON files or folders of them.</param>
/// <param name="Rules">Rule pack folder; defaults to the core pack beside the binaries.</param>
/// <param name="CodeSet">ICD-10-CM release file or folder; defaults to the starter set shipped in the repo.</param>
/// <param name="Criteria">Criteria sets to apply (e.g. sepsis-2); null for the pack's defaults.</param>
/// <param name="Format">"json" or "text".</param>
internal sealed record AnalyzeOptions(
    IReadOnlyList<string> Paths,
    string? Rules = null,
    string? CodeSet = null,
    IReadOnlyCollection<string>? Criteria = null,
    string Format = "json");
