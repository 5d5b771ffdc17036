using EhrCodingAssist.Clinical.Rules;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Snapshot;

/// <summary>Matches a MedicationRequest against a medication class (RxNorm code or name keyword).</summary>
internal static class MedicationMatcher
{
    private const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    public static bool Matches(MedicationRequest request, MedicationClass cls, IReadOnlyDictionary<string, Medication> byId)
    {
        var concept = Concept(request, byId);
        if (concept is null)
        {
            return false;
        }

        // Plain loops: this runs for every order times every medication class the pack uses.
        foreach (var coding in concept.Coding)
        {
            if (coding.Code is { } code && coding.System is null or RxNorm)
            {
                foreach (var rx in cls.RxNorm)
                {
                    if (string.Equals(rx, code, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        foreach (var keyword in cls.Keywords)
        {
            if (Contains(concept.Text, keyword))
            {
                return true;
            }

            foreach (var coding in concept.Coding)
            {
                if (Contains(coding.Display, keyword))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The medication's concept: inline, or the referenced Medication (contained or in the snapshot).</summary>
    public static CodeableConcept? Concept(MedicationRequest request, IReadOnlyDictionary<string, Medication> byId)
    {
        switch (request.Medication)
        {
            case CodeableConcept cc:
                return cc;
            case ResourceReference { Reference: { } r }:
                var id = r.StartsWith('#') ? r[1..] : r[(r.LastIndexOf('/') + 1)..];
                var contained = request.Contained.OfType<Medication>().FirstOrDefault(m => m.Id == id);
                return (contained ?? byId.GetValueOrDefault(id))?.Code;
            case ResourceReference rr:
                return rr.Display is null ? null : new CodeableConcept { Text = rr.Display };
            default:
                return null;
        }
    }

    public static string? Display(MedicationRequest request, IReadOnlyDictionary<string, Medication> byId)
    {
        var c = Concept(request, byId);
        return c?.Text ?? c?.Coding.FirstOrDefault(x => x.Display is not null)?.Display;
    }

    private static bool Contains(string? text, string keyword) =>
        text is not null && text.Contains(keyword, StringComparison.OrdinalIgnoreCase);
}
