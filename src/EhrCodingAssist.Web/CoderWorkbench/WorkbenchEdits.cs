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
        return decision.Decision switch
        {
            "accepted" => Add(next, decision.Code, "suggestion"),
            "replaced" when !string.IsNullOrWhiteSpace(decision.Replacement) => Add(next, decision.Replacement, "suggestion"),
            _ => next,
        };
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

    public static WorkbenchState Remove(WorkbenchState state, string code, string? onlySource = null) => state with
    {
        Diagnoses = Renumber(state.Diagnoses.Where(d => !string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase) || (onlySource is not null && d.Source != onlySource))),
    };

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
        return state with { Diagnoses = [.. list.Select((d, i) => d with { Sequence = i + 1 })] };
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
                Units = units < 1 ? 1 : units,
                Date = date,
                Pointers = [.. Split(pointers).Select(p => int.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)],
            },
        ],
    };

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
