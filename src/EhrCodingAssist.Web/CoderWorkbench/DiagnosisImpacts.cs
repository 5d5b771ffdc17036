using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Coding.Reference;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>
/// CC/MCC and CMS-HCC V28 per diagnosis for the CDI/coder view. CC/MCC applies to secondary diagnoses only (the
/// principal shows "principal: n/a"); the HCC hierarchy is applied over the whole claim, so a category trumped by a
/// higher one on the same claim says which.
/// </summary>
internal static class DiagnosisImpacts
{
    public const string PrincipalNotApplicable = "principal: n/a";

    public static IReadOnlyList<DiagnosisImpact> For(WorkbenchState state, CodingReferenceData data)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(data);
        var diagnoses = state.Diagnoses.OrderBy(d => d.Sequence).ToList();
        var categories = diagnoses.DistinctBy(d => d.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(d => d.Code, d => data.Hcc?.Find(d.Code) ?? [], StringComparer.OrdinalIgnoreCase);
        var present = categories.Values.SelectMany(c => c).DistinctBy(c => c.Number).ToList();
        var impacts = new List<DiagnosisImpact>();
        foreach (var d in diagnoses)
        {
            var severity = data.CcMcc is null ? null : d.Sequence == 1 ? PrincipalNotApplicable : data.CcMcc.Label(d.Code);
            var hccs = categories[d.Code].Select(c => new HccView(c.Name, c.Label, data.HccHierarchy?.DroppedBy(c, present)?.Name)).ToList();
            var hcc = hccs.Count == 0 ? null : string.Join(", ", hccs.Select(h => h.DroppedBy is null ? h.Name : $"{h.Name} (trumped by {h.DroppedBy} on this claim)"));
            if (severity is not null || hcc is not null)
            {
                impacts.Add(new DiagnosisImpact(d.Code, severity, hcc) { Hccs = hccs });
            }
        }

        return impacts;
    }

    public static ImpactTables? Tables(CodingReferenceData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.CcMcc is null && data.Hcc is null
            ? null
            : new ImpactTables(data.CcMcc?.Version, data.Hcc?.Version, data.HccHierarchy is not null);
    }
}
