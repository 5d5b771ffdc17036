using System.Collections.Frozen;
using EhrCodingAssist.Clinical.Rules;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Snapshot;

/// <summary>Matches a MedicationRequest against a medication class (RxNorm code or name keyword).</summary>
internal static class MedicationMatcher
{
    private const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    // Per class: the RxNorm codes as a set and the keywords as one multi-string searcher (built once per class).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MedicationClass, Lookup> Lookups = [];

    public static bool Matches(MedicationRequest request, MedicationClass cls, IReadOnlyDictionary<string, Medication> byId)
    {
        var concept = Concept(request, byId);
        if (concept is null)
        {
            return false;
        }

        // Plain loops: this runs for every order times every medication class the pack uses.
        var lookup = Lookups.GetValue(cls, static c => new Lookup(c));
        foreach (var coding in concept.Coding)
        {
            if (coding.Code is { } code && coding.System is null or RxNorm && lookup.RxNorm.Contains(code))
            {
                return true;
            }
        }

        if (lookup.ContainsKeyword(concept.Text))
        {
            return true;
        }

        foreach (var coding in concept.Coding)
        {
            if (lookup.ContainsKeyword(coding.Display))
            {
                return true;
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

    /// <summary>
    /// A class's codes and keywords prepared for matching: RxNorm codes compared ordinally, keywords found anywhere in
    /// the text ignoring case (ordinal), as <c>text.Contains(keyword, OrdinalIgnoreCase)</c> for any keyword would.
    /// </summary>
    private sealed class Lookup
    {
        private readonly System.Buffers.SearchValues<string>? _keywords;
        private readonly bool _emptyKeyword;

        public Lookup(MedicationClass cls)
        {
            RxNorm = cls.RxNorm.ToFrozenSet(StringComparer.Ordinal);

            // An empty keyword is contained in every text (string.Contains semantics).
            _emptyKeyword = cls.Keywords.Any(k => k.Length == 0);
            var keywords = cls.Keywords.Where(k => k.Length > 0).ToArray();
            _keywords = keywords.Length == 0 ? null : System.Buffers.SearchValues.Create(keywords, StringComparison.OrdinalIgnoreCase);
        }

        public FrozenSet<string> RxNorm { get; }

        public bool ContainsKeyword(string? text) =>
            text is not null && (_emptyKeyword || (_keywords is not null && text.AsSpan().ContainsAny(_keywords)));
    }
}
