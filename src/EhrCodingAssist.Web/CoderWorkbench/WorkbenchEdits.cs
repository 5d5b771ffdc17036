namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>The workbench page's changes to a working set (the API takes whole working sets instead).</summary>
internal static class WorkbenchEdits
{
    public static WorkbenchState Decide(WorkbenchState state, SuggestionDecision decision)
    {
        var decisions = state.Decisions.Where(d => d.Rule != decision.Rule || d.Code != decision.Code).Append(decision).ToList();
        var withoutOld = Remove(state, decision.Code, onlySource: "suggestion");
        if (decision.Replacement is { } r)
        {
            withoutOld = Remove(withoutOld, r, onlySource: "suggestion");
        }

        var next = withoutOld with { Decisions = decisions };
        var decided = decision.Decision switch
        {
            "accepted" => Add(next, decision.Code, "suggestion"),
            "replaced" when !string.IsNullOrWhiteSpace(decision.Replacement) => Add(next, decision.Replacement, "suggestion"),
            _ => next,
        };

        // Re-deciding removes and re-adds the suggested code: its pointers follow it from the state before.
        return Repoint(state, decided);
    }

    public static WorkbenchState Add(WorkbenchState state, string code, string source)
    {
        code = code.Trim().ToUpperInvariant();
        if (code.Length == 0 || state.Diagnoses.Any(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            return state;
        }

        return state with { Diagnoses = [.. state.Diagnoses, new DiagnosisEntry(code, state.Diagnoses.Count + 1) { Source = source }] };
    }

    public static WorkbenchState Remove(WorkbenchState state, string code, string? onlySource = null) => Repoint(state, state with
    {
        Diagnoses = Renumber(state.Diagnoses.Where(d => !string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase) || (onlySource is not null && d.Source != onlySource))),
    });

    /// <summary>Moves the code to position <paramref name="to"/> (1 = principal).</summary>
    public static WorkbenchState Move(WorkbenchState state, string code, int to)
    {
        var list = state.Diagnoses.OrderBy(d => d.Sequence).ToList();
        var index = list.FindIndex(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return state;
        }

        var entry = list[index];
        list.RemoveAt(index);
        list.Insert(Math.Clamp(to - 1, 0, list.Count), entry);
        return Repoint(state, state with { Diagnoses = [.. list.Select((d, i) => d with { Sequence = i + 1 })] });
    }

    public static WorkbenchState SetPoa(WorkbenchState state, string code, string? poa) => state with
    {
        Diagnoses = [.. state.Diagnoses.Select(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase) ? d with { Poa = string.IsNullOrWhiteSpace(poa) ? null : poa } : d)],
    };

    public static WorkbenchState AddLine(WorkbenchState state, string code, string system, string? modifiers, int units, DateOnly? date, string? pointers) => state with
    {
        Lines =
        [
            .. state.Lines,
            new LineEntry(code.Trim().ToUpperInvariant(), system)
            {
                Modifiers = Split(modifiers),
                Units = units,
                Date = date,
                Pointers = [.. Split(pointers).Select(p => int.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)],
            },
        ],
    };

    /// <summary>
    /// What the coder must be told after a change of diagnoses: each line pointer whose diagnosis is no longer on the
    /// list (the pointer was dropped). Lines are compared position by position, so only changes that keep the lines apply.
    /// </summary>
    public static IReadOnlyList<string> DroppedPointers(WorkbenchState before, WorkbenchState after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Lines.Count != after.Lines.Count)
        {
            return [];
        }

        var notes = new List<string>();
        for (var i = 0; i < before.Lines.Count; i++)
        {
            var kept = after.Lines[i].Pointers.Select(p => CodeAt(after, p)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var pointer in before.Lines[i].Pointers)
            {
                var code = CodeAt(before, pointer);
                if (code is null || !kept.Contains(code))
                {
                    notes.Add(code is null
                        ? $"Line {i + 1} ({before.Lines[i].Code}): pointer {pointer} pointed to no diagnosis and was dropped."
                        : $"Line {i + 1} ({before.Lines[i].Code}) no longer points to {code}: the diagnosis was removed.");
                }
            }
        }

        return notes;
    }

    /// <summary>
    /// Gives <paramref name="after"/> the lines of <paramref name="before"/> with each pointer following its diagnosis (by
    /// code) to its new sequence; a pointer whose diagnosis is gone, or that pointed to none, is dropped (see <see cref="DroppedPointers"/>).
    /// </summary>
    private static WorkbenchState Repoint(WorkbenchState before, WorkbenchState after)
    {
        var sequenceOf = after.Diagnoses.GroupBy(d => d.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Sequence, StringComparer.OrdinalIgnoreCase);
        return after with
        {
            Lines = [.. before.Lines.Select(l => l with
            {
                Pointers = [.. l.Pointers
                    .Select(p => CodeAt(before, p) is { } code && sequenceOf.TryGetValue(code, out var s) ? s : 0)
                    .Where(s => s > 0)
                    .Distinct()],
            })],
        };
    }

    private static string? CodeAt(WorkbenchState state, int sequence) =>
        state.Diagnoses.Where(d => d.Sequence == sequence).Select(d => d.Code).FirstOrDefault();

    /// <summary>Why the page's diagnosis-pointer text cannot be taken as typed (each pointer is a diagnosis number).</summary>
    public static IReadOnlyList<string> CheckPointerText(string? pointers) =>
        [.. Split(pointers)
            .Where(p => !int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
            .Select(p => $"Diagnosis pointer '{p}' is not a diagnosis number (the # column).")];

    public static WorkbenchState SetPlaceOfService(WorkbenchState state, string? placeOfService) =>
        state with { PlaceOfService = string.IsNullOrWhiteSpace(placeOfService) ? null : placeOfService.Trim() };

    /// <summary>Replaces the modifiers of line <paramref name="index"/> (0-based); an unknown index changes nothing.</summary>
    public static WorkbenchState SetModifiers(WorkbenchState state, int index, string? modifiers) => state with
    {
        Lines = [.. state.Lines.Select((l, i) => i == index ? l with { Modifiers = Split(modifiers) } : l)],
    };

    private static string[] Split(string? text) =>
        (text ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<DiagnosisEntry> Renumber(IEnumerable<DiagnosisEntry> diagnoses) =>
        [.. diagnoses.OrderBy(d => d.Sequence).Select((d, i) => d with { Sequence = i + 1 })];
}
