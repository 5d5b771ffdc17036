namespace EhrCodingAssist.Clinical.Rules;

/// <summary>The pack manifest (pack.yaml).</summary>
/// <param name="Name">Pack name.</param>
/// <param name="Version">Pack version.</param>
/// <param name="CodeSetYear">ICD-10-CM fiscal year the pack's codes are checked against.</param>
/// <param name="CriteriaSets">Criteria sets the pack offers.</param>
/// <param name="DefaultCriteria">Criteria sets used when the caller names none.</param>
public sealed record PackManifest(string Name, string Version, int CodeSetYear, IReadOnlyList<string> CriteriaSets, IReadOnlyList<string> DefaultCriteria);
