using EhrCodingAssist.Clinical.Notes;
using EhrCodingAssist.Clinical.Rules;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Snapshot;

/// <summary>
/// An index over one <see cref="EncounterSnapshot"/>, built once per evaluation in one pass over the resources:
/// Observations by LOINC code (and component code), encounter Conditions, MedicationRequests, Procedures and notes.
/// Rule functions read it instead of scanning the snapshot. Per-analyte and per-phrase-set views are built on first
/// use and cached; the index is safe to share between threads.
/// </summary>
public sealed partial class SnapshotIndex
{
    internal const string LoincSystem = "http://loinc.org";
    private static readonly IReadOnlyList<PocoNode> None = [];

    private readonly PackDefinitions _definitions;
    private readonly Dictionary<string, List<(Observation Obs, int Component)>> _byLoinc = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<AnalyteValue>> _analytes = new(StringComparer.Ordinal);
    private readonly HashSet<object> _ownLists = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(object List, string Unit), List<(DateTimeOffset? Time, decimal Value)>> _valuesIn = [];
    private readonly Dictionary<(object List, int Limit), IReadOnlyList<PocoNode>> _limited = [];
    private readonly Dictionary<Resource, PocoNode> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, IReadOnlyList<PocoNode>> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<DocumentReference, string> _noteText = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<DocumentReference, string> _mentionSentence = new(ReferenceEqualityComparer.Instance);
    private Dictionary<string, Resource>? _byReference;

    /// <summary>Indexes <paramref name="snapshot"/> for the functions of a pack with these definitions.</summary>
    public SnapshotIndex(EncounterSnapshot snapshot, PackDefinitions definitions)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(definitions);
        Snapshot = snapshot;
        _definitions = definitions;
        EncounterRef = snapshot.EncounterReference;
        Start = FhirDates.Parse(snapshot.Encounter.Period?.Start);
        End = FhirDates.Parse(snapshot.Encounter.Period?.End) ?? (Start is null ? null : snapshot.AsOf);
        EncounterNode = snapshot.Encounter.ToPocoNode();

        var conditions = new List<Condition>();
        var medications = new List<MedicationRequest>();
        var procedures = new List<Procedure>();
        var notes = new List<DocumentReference>();
        foreach (var resource in snapshot.Resources)
        {
            switch (resource)
            {
                case Observation o:
                    IndexObservation(o);
                    break;
                case Condition c when IsEncounterCondition(c):
                    conditions.Add(c);
                    break;
                case MedicationRequest m when IsEncounterMedication(m):
                    medications.Add(m);
                    break;
                case Medication med when med.Id is not null:
                    MedicationsById[med.Id] = med;
                    break;
                case Procedure p when References.Matches(p.Encounter, EncounterRef) || InPeriod(FhirDates.Of(p.Performed)):
                    procedures.Add(p);
                    break;
                case DocumentReference d when IsEncounterNote(d):
                    notes.Add(d);
                    break;
                default:
                    break;
            }
        }

        Conditions = conditions;
        Medications = medications;
        Procedures = procedures;
        Notes = notes;
    }

    /// <summary>The indexed snapshot.</summary>
    public EncounterSnapshot Snapshot { get; }

    /// <summary>"Encounter/{id}".</summary>
    public string EncounterRef { get; }

    /// <summary>Encounter start.</summary>
    public DateTimeOffset? Start { get; }

    /// <summary>Encounter end (the snapshot's as-of time while in progress).</summary>
    public DateTimeOffset? End { get; }

    /// <summary>Conditions present during the encounter (see docs/rule-format.md), refuted/entered-in-error excluded.</summary>
    public IReadOnlyList<Condition> Conditions { get; }

    /// <summary>MedicationRequests of the encounter with status active/completed/on-hold.</summary>
    public IReadOnlyList<MedicationRequest> Medications { get; }

    /// <summary>Procedures of the encounter.</summary>
    public IReadOnlyList<Procedure> Procedures { get; }

    /// <summary>DocumentReferences of the encounter.</summary>
    public IReadOnlyList<DocumentReference> Notes { get; }

    internal PocoNode EncounterNode { get; }

    internal Dictionary<string, Medication> MedicationsById { get; } = new(StringComparer.Ordinal);

    /// <summary>The analyte's measurements (in the encounter and before it), ordered by time; unknown analyte → empty.</summary>
    public IReadOnlyList<AnalyteValue> Analyte(string name)
    {
        lock (_gate)
        {
            if (_analytes.TryGetValue(name, out var cached))
            {
                return cached;
            }

            var list = new List<AnalyteValue>();
            if (_definitions.Analytes.TryGetValue(name, out var def))
            {
                var total = 0;
                foreach (var code in def.Loinc)
                {
                    total += _byLoinc.TryGetValue(code, out var hits) ? hits.Count : 0;
                }

                list.Capacity = total;
                var seen = new HashSet<(Observation, int)>(total);
                foreach (var code in def.Loinc)
                {
                    if (!_byLoinc.TryGetValue(code, out var hits))
                    {
                        continue;
                    }

                    foreach (var (obs, component) in hits)
                    {
                        if (seen.Add((obs, component)))
                        {
                            var time = FhirDates.Of(obs);
                            list.Add(new AnalyteValue(def, obs, component, time, References.Matches(obs.Encounter, EncounterRef) || InPeriod(time)));
                        }
                    }
                }

                list.Sort(static (a, b) => Nullable.Compare(a.Time, b.Time));
            }

            _analytes[name] = list;
            return list;
        }
    }

    /// <summary>What an Observation node handed out by <c>observations()</c> was matched as; null for other nodes.</summary>
    internal static AnalyteValue? AnalyteOf(PocoNode node) => (node as AnalyteNode)?.Value;

    /// <summary>
    /// Values of a node list in a unit, computed once per (list, unit) when the list is one this index handed out
    /// (e.g. <c>observations('x')</c>): several rules and expressions ask for the same extremes. The result is shared
    /// and must not be modified.
    /// </summary>
    /// <summary>The evidence a selector keeps of a node list, computed once per (list, limit) for lists this index handed out.</summary>
    internal IReadOnlyList<PocoNode> Limited(IReadOnlyList<PocoNode> nodes, int limit, Func<IReadOnlyList<PocoNode>, IReadOnlyList<PocoNode>> compute)
    {
        lock (_gate)
        {
            if (!_ownLists.Contains(nodes))
            {
                return compute(nodes);
            }

            if (_limited.TryGetValue((nodes, limit), out var hit))
            {
                return hit;
            }
        }

        var kept = compute(nodes);
        lock (_gate)
        {
            _limited[(nodes, limit)] = kept;
        }

        return kept;
    }

    internal List<(DateTimeOffset? Time, decimal Value)> ValuesOf(
        IEnumerable<PocoNode> focus, string unit, Func<IEnumerable<PocoNode>, string, List<(DateTimeOffset? Time, decimal Value)>> compute)
    {
        lock (_gate)
        {
            if (!_ownLists.Contains(focus))
            {
                return compute(focus, unit);
            }

            if (_valuesIn.TryGetValue((focus, unit), out var hit))
            {
                return hit;
            }
        }

        var values = compute(focus, unit);
        lock (_gate)
        {
            _valuesIn[(focus, unit)] = values;
        }

        return values;
    }

    internal IReadOnlyList<PocoNode> ObservationNodes(string analyte) =>
        Cached("obs|" + analyte, () => AnalyteNodes(Analyte(analyte).Where(v => v.InEncounter)));

    internal IReadOnlyList<PocoNode> PriorObservationNodes(string analyte, long days)
    {
        if (Start is not { } start)
        {
            return None;
        }

        var from = start.AddDays(-days);
        return Cached("prior|" + analyte + "|" + days, () => AnalyteNodes(Analyte(analyte).Where(v => v.Time >= from && v.Time < start)));
    }

    /// <summary>
    /// <c>priorObservations(analyte, days) | observations(analyte)</c>, computed once per index (FHIRPath's union,
    /// with its deep-equality de-duplication and order): the baseline-plus-encounter list several rules start from.
    /// The list is one this index handed out, so the values and evidence computed from it are cached too.
    /// </summary>
    internal IReadOnlyList<PocoNode> RecentObservationNodes(string analyte, long days) =>
        Cached("recent|" + analyte + "|" + days, () => FhirPathUnion(PriorObservationNodes(analyte, days), ObservationNodes(analyte)));

    /// <summary>
    /// FHIRPath's <c>a | b</c> over Observation nodes: the items of <paramref name="a"/> then of <paramref name="b"/>,
    /// each dropped when it equals (FHIRPath deep equality) one already kept. Firely's union hashes every node by
    /// the names of its children, the same for all Observations, so it compares every pair; deep equality compares
    /// all children in order, so two resources whose ids differ are never equal, and only nodes with the same id
    /// (compared ignoring case, a coarser grouping) are compared here, with the same equality.
    /// </summary>
    internal static List<PocoNode> FhirPathUnion(IReadOnlyList<PocoNode> a, IReadOnlyList<PocoNode> b)
    {
        var equality = Hl7.FhirPath.Functions.EqualityOperators.TypedElementEqualityComparer;
        var kept = new List<PocoNode>(a.Count + b.Count);
        var byId = new Dictionary<string, List<PocoNode>>(a.Count + b.Count, StringComparer.OrdinalIgnoreCase);
        List<PocoNode>? withoutId = null;
        foreach (var node in a.Concat(b))
        {
            List<PocoNode> group;
            if ((node.Poco as Resource)?.Id is { } id)
            {
                if (!byId.TryGetValue(id, out group!))
                {
                    group = [];
                    byId[id] = group;
                }
            }
            else
            {
                group = withoutId ??= [];
            }

            if (!group.Exists(k => equality.Equals(k, node)))
            {
                group.Add(node);
                kept.Add(node);
            }
        }

        return kept;
    }

    internal IReadOnlyList<PocoNode> ConditionNodes() => Cached("conditions", () => Conditions.Select(NodeOf).ToList());

    internal IReadOnlyList<PocoNode> ProcedureNodes() => Cached("procedures", () => Procedures.Select(NodeOf).ToList());

    internal IReadOnlyList<PocoNode> MedicationNodes(string className) => Cached("meds|" + className, () =>
        _definitions.Medications.TryGetValue(className, out var cls)
            ? Medications.Where(m => MedicationMatcher.Matches(m, cls, MedicationsById)).Select(NodeOf).ToList()
            : None);

    internal IReadOnlyList<PocoNode> NoteNodes(string phraseSet, MentionStatus wanted) => Cached("notes|" + phraseSet + "|" + wanted, () =>
        _definitions.Phrases.TryGetValue(phraseSet, out var matcher)
            ? Notes.Where(d => HasMention(d, matcher, wanted)).Select(NodeOf).ToList()
            : None);

    /// <summary>The sentence of the first mention that made a note match a phrase set, for evidence snippets.</summary>
    internal string? MentionSentence(DocumentReference note)
    {
        lock (_gate)
        {
            return _mentionSentence.GetValueOrDefault(note);
        }
    }

    private bool HasMention(DocumentReference note, PhraseMatcher matcher, MentionStatus wanted)
    {
        var hit = NoteMentions(note, matcher).FirstOrDefault(m => m.Status == wanted);
        if (hit is null)
        {
            return false;
        }

        lock (_gate)
        {
            _mentionSentence.TryAdd(note, hit.Sentence);
        }

        return true;
    }

    /// <summary>The mentions of a phrase set in a note of this snapshot.</summary>
    public IReadOnlyList<PhraseMention> NoteMentions(DocumentReference note, PhraseMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        var text = NoteTextOf(note);
        return text.Length == 0 ? [] : matcher.Find(text);
    }

    /// <summary>The plain text of a note: the snapshot's decoded text, else its inline text/plain or text/html attachment.</summary>
    public string NoteTextOf(DocumentReference note)
    {
        ArgumentNullException.ThrowIfNull(note);
        lock (_gate)
        {
            if (!_noteText.TryGetValue(note, out var text))
            {
                text = NoteBodies.Decode(note, Snapshot.NoteTexts);
                _noteText[note] = text;
            }

            return text;
        }
    }

    /// <summary>Resolves a reference ("Type/id" or an absolute URL; not "#contained") within the snapshot, for FHIRPath resolve().</summary>
    internal PocoNode? Resolve(string reference)
    {
        Dictionary<string, Resource> byRef;
        lock (_gate)
        {
            byRef = _byReference ??= BuildReferenceMap();
        }

        return References.TypeAndId(reference) is { } key && byRef.TryGetValue(key, out var resource) ? NodeOf(resource) : null;
    }

    private Dictionary<string, Resource> BuildReferenceMap()
    {
        var map = new Dictionary<string, Resource>(StringComparer.Ordinal) { [EncounterRef] = Snapshot.Encounter };
        if (Snapshot.Patient is { Id: not null } patient)
        {
            map["Patient/" + patient.Id] = patient;
        }

        foreach (var r in Snapshot.Resources)
        {
            if (r.Id is not null)
            {
                map.TryAdd(r.TypeName + "/" + r.Id, r);
            }
        }

        return map;
    }

    /// <summary>The node of a resource of the snapshot (created once).</summary>
    internal PocoNode NodeOf(Resource resource)
    {
        lock (_gate)
        {
            if (!_nodes.TryGetValue(resource, out var node))
            {
                node = resource.ToPocoNode();
                _nodes[resource] = node;
            }

            return node;
        }
    }

    internal bool InPeriod(DateTimeOffset? time) => time is { } t && Start is { } s && t >= s && (End is null || t <= End);

    private static List<PocoNode> AnalyteNodes(IEnumerable<AnalyteValue> values)
    {
        var nodes = new List<PocoNode>();
        foreach (var v in values)
        {
            // A fresh node per (observation, analyte) so valueIn() knows which component was meant.
            nodes.Add(new AnalyteNode(v));
        }

        return nodes;
    }

    private IReadOnlyList<PocoNode> Cached(string key, Func<IReadOnlyList<PocoNode>> build)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var hit))
            {
                return hit;
            }
        }

        var built = build();
        lock (_gate)
        {
            _cache[key] = built;
            _ownLists.Add(built);
        }

        return built;
    }

    private void IndexObservation(Observation o)
    {
        if (o.Status is ObservationStatus.Cancelled or ObservationStatus.EnteredInError)
        {
            return;
        }

        AddCodes(o.Code, o, -1);
        for (var i = 0; i < o.Component.Count; i++)
        {
            AddCodes(o.Component[i].Code, o, i);
        }
    }

    private void AddCodes(CodeableConcept? code, Observation o, int component)
    {
        if (code is null)
        {
            return;
        }

        foreach (var coding in code.Coding)
        {
            if (coding.Code is { } c && (coding.System is null or LoincSystem))
            {
                if (!_byLoinc.TryGetValue(c, out var list))
                {
                    list = [];
                    _byLoinc[c] = list;
                }

                list.Add((o, component));
            }
        }
    }
}
