using FhirCoding = Hl7.Fhir.Model.Coding;
using EhrCodingAssist.Clinical.Notes;
using EhrCodingAssist.Clinical.Snapshot;
using EhrCodingAssist.Clinical.Units;
using Hl7.Fhir.Model;
using Hl7.FhirPath;
using Hl7.FhirPath.Expressions;

namespace EhrCodingAssist.Clinical.Rules.FhirPath;

/// <summary>The functions rules may call in addition to standard FHIRPath (the table in docs/rule-format.md).</summary>
internal static class RuleFunctions
{
    private const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    private const string Icd10CmOid = "urn:oid:2.16.840.1.113883.6.90";
    private const string Snomed = "http://snomed.info/sct";

    private static readonly Lazy<SymbolTable> Table = new(Build);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> SplitCache = new(StringComparer.Ordinal);

    /// <summary>The shared symbol table: Firely's default (FHIR) symbols plus ours. Immutable once built.</summary>
    public static SymbolTable Symbols => Table.Value;

    /// <summary>A compiler using <see cref="Symbols"/>.</summary>
    public static FhirPathCompiler CreateCompiler() => new(Symbols);

    private static SymbolTable Build()
    {
        // Standard FHIRPath plus the FHIR-specific functions (resolve(), memberOf(), htmlChecks() …), then ours.
        var t = new SymbolTable(FhirPathCompiler.DefaultSymbolTable);
        Hl7.Fhir.FhirPath.ElementNavFhirExtensions.AddFhirExtensions(t);
        t.Add("observations", (object _, string analyte, EvaluationContext ctx) => Idx(ctx).ObservationNodes(analyte), doNullProp: false);
        t.Add("priorObservations", (object _, string analyte, long days, EvaluationContext ctx) => Idx(ctx).PriorObservationNodes(analyte, days), doNullProp: false);
        t.Add("recentObservations", (object _, string analyte, long days, EvaluationContext ctx) => Idx(ctx).RecentObservationNodes(analyte, days), doNullProp: false);
        t.Add("conditions", (object _, EvaluationContext ctx) => Idx(ctx).ConditionNodes(), doNullProp: false);
        t.Add("medications", (object _, string cls, EvaluationContext ctx) => Idx(ctx).MedicationNodes(cls), doNullProp: false);
        t.Add("procedures", (object _, EvaluationContext ctx) => Idx(ctx).ProcedureNodes(), doNullProp: false);
        t.Add("notes", (object _, string set, EvaluationContext ctx) => Idx(ctx).NoteNodes(set, MentionStatus.Affirmed), doNullProp: false);
        t.Add("hedgedNotes", (object _, string set, EvaluationContext ctx) => Idx(ctx).NoteNodes(set, MentionStatus.Hedged), doNullProp: false);
        t.Add("historicalNotes", (object _, string set, EvaluationContext ctx) => Idx(ctx).NoteNodes(set, MentionStatus.Historical), doNullProp: false);
        t.Add("familyNotes", (object _, string set, EvaluationContext ctx) => Idx(ctx).NoteNodes(set, MentionStatus.FamilyOrOther), doNullProp: false);
        t.Add("patientAge", (object _, EvaluationContext ctx) => Demographics.AgeAt(Idx(ctx)), doNullProp: false);
        t.Add("patientSex", (object _, EvaluationContext ctx) => Demographics.Sex(Idx(ctx).Snapshot.Patient), doNullProp: false);

        t.Add("latest", (IEnumerable<PocoNode> focus, EvaluationContext ctx) => Latest(focus, Idx(ctx)), doNullProp: false);
        t.Add("valueIn", (IEnumerable<PocoNode> focus, string unit, EvaluationContext ctx) =>
            Measures.ValuesIn(focus, unit, Idx(ctx)).Select(v => Dec(v.Value)), doNullProp: false);
        t.Add("maxIn", (IEnumerable<PocoNode> focus, string unit, EvaluationContext ctx) =>
            Extreme(Measures.ValuesIn(focus, unit, Idx(ctx)), max: true), doNullProp: false);
        t.Add("minIn", (IEnumerable<PocoNode> focus, string unit, EvaluationContext ctx) =>
            Extreme(Measures.ValuesIn(focus, unit, Idx(ctx)), max: false), doNullProp: false);
        t.Add("riseWithin", (IEnumerable<PocoNode> focus, long hours, string unit, EvaluationContext ctx) =>
            Opt(Measures.RiseWithin(Measures.ValuesIn(focus, unit, Idx(ctx)), TimeSpan.FromHours(hours))), doNullProp: false);
        t.Add("ratioWithin", (IEnumerable<PocoNode> focus, long days, EvaluationContext ctx) =>
            Opt(Measures.RatioWithin(Measures.CanonicalValues(focus, Idx(ctx)), TimeSpan.FromDays(days))), doNullProp: false);

        t.Add("icd10", (IEnumerable<PocoNode> focus, string prefixes) =>
        {
            var list = Split(prefixes);
            return ByCoding(focus, c => IcdPrefix(c, list));
        }, doNullProp: false);
        t.Add("snomed", (IEnumerable<PocoNode> focus, string codes) =>
        {
            var list = Split(codes);
            return ByCoding(focus, c => c.System == Snomed && list.Contains(c.Code, StringComparer.Ordinal));
        }, doNullProp: false);
        t.Add("coded", (IEnumerable<PocoNode> focus, string system, string codes) =>
        {
            var list = Split(codes);
            return ByCoding(focus, c => c.System == system && list.Contains(c.Code, StringComparer.Ordinal));
        }, doNullProp: false);
        return t;
    }

    private static SnapshotIndex Idx(EvaluationContext ctx) => RuleEvaluationContext.IndexOf(ctx);

    private static PocoNode Dec(decimal d) => PocoNode.ForAnyPrimitive(d);

    private static IEnumerable<PocoNode> Opt(decimal? d) => d is { } v ? [Dec(v)] : [];

    private static IEnumerable<PocoNode> Extreme(List<(DateTimeOffset? Time, decimal Value)> values, bool max) =>
        values.Count == 0 ? [] : [Dec(max ? values.Max(v => v.Value) : values.Min(v => v.Value))];

    private static IEnumerable<PocoNode> Latest(IEnumerable<PocoNode> focus, SnapshotIndex index)
    {
        PocoNode? best = null;
        DateTimeOffset? bestTime = null;
        foreach (var node in focus)
        {
            var time = Measures.TimeOf(node, index);
            if (best is null || Nullable.Compare(time, bestTime) >= 0)
            {
                best = node;
                bestTime = time;
            }
        }

        return best is null ? [] : [best];
    }

    private static bool IcdPrefix(FhirCoding c, string[] prefixes)
    {
        if (c.Code is not { } code || c.System is not (Icd10Cm or Icd10CmOid))
        {
            return false;
        }

        foreach (var prefix in prefixes)
        {
            if (StartsWithIgnoringDots(code, prefix))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithIgnoringDots(string code, string prefix)
    {
        var i = 0;
        foreach (var p in prefix)
        {
            if (p == '.')
            {
                continue;
            }

            while (i < code.Length && code[i] == '.')
            {
                i++;
            }

            if (i >= code.Length || char.ToUpperInvariant(code[i]) != char.ToUpperInvariant(p))
            {
                return false;
            }

            i++;
        }

        return true;
    }

    // The lists are literals of the pack: parsed once, shared (read-only arrays).
    private static string[] Split(string list) => SplitCache.GetOrAdd(list, static l => l.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static IEnumerable<PocoNode> ByCoding(IEnumerable<PocoNode> focus, Func<FhirCoding, bool> match) =>
        focus.Where(n => Codings.Of(n.Poco).Any(match));
}
