using EhrCodingAssist.Clinical.Coding;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>Shape checks on a working set the API receives (the coding edits judge the codes themselves).</summary>
internal static class WorkbenchValidation
{
    private static readonly HashSet<string> PoaValues = new(StringComparer.OrdinalIgnoreCase) { "Y", "N", "U", "W", "1" };
    private static readonly HashSet<string> Decisions = new(StringComparer.Ordinal) { "accepted", "rejected", "replaced" };

    public static IReadOnlyList<string> Check(WorkbenchState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var missing = Missing(state);
        if (missing.Count > 0)
        {
            // JSON nulls where values are required: name the fields; the checks below need the values.
            return missing;
        }

        var errors = new List<string>();
        foreach (var d in state.Diagnoses)
        {
            if (string.IsNullOrWhiteSpace(d.Code))
            {
                errors.Add("Every diagnosis needs a code.");
            }

            if (!string.IsNullOrWhiteSpace(d.Poa) && !PoaValues.Contains(d.Poa.Trim()))
            {
                errors.Add($"POA of {d.Code} must be Y, N, U, W or 1.");
            }
        }

        if (state.Diagnoses.Select(d => d.Code.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != state.Diagnoses.Count)
        {
            errors.Add("A diagnosis code appears twice.");
        }

        if (state.PlaceOfService is { } pos && !string.IsNullOrWhiteSpace(pos) && !PlacesOfService.IsWellFormed(pos.Trim()))
        {
            errors.Add("The place of service must be a two-digit CMS code, e.g. 10 or 21.");
        }

        foreach (var (l, i) in state.Lines.Select((l, i) => (l, i)))
        {
            if (string.IsNullOrWhiteSpace(l.Code) || l.System.ToLowerInvariant() is not ("cpt" or "hcpcs"))
            {
                errors.Add("Every line needs a code and a system (cpt or hcpcs).");
            }

            if (l.Modifiers.Count > ServiceLine.MaxModifiers)
            {
                errors.Add($"Line {i + 1} ({l.Code}) has {l.Modifiers.Count} modifiers; at most {ServiceLine.MaxModifiers}.");
            }

            if (l.Pointers.Count > ServiceLine.MaxPointers)
            {
                errors.Add($"Line {i + 1} ({l.Code}) has {l.Pointers.Count} diagnosis pointers; at most {ServiceLine.MaxPointers}.");
            }

            if (l.Units < 1)
            {
                errors.Add($"Line {i + 1} ({l.Code}) has {l.Units} units; at least 1.");
            }

            // A pointer is a diagnosis sequence; one that names no diagnosis (or two) would be re-targeted on renumbering.
            foreach (var p in l.Pointers.Distinct())
            {
                var named = state.Diagnoses.Count(d => d.Sequence == p);
                if (named != 1)
                {
                    errors.Add(named == 0
                        ? $"Line {i + 1} ({l.Code}) points to diagnosis {p}, which is not on the list."
                        : $"Line {i + 1} ({l.Code}) points to diagnosis {p}, a sequence {named} diagnoses share.");
                }
            }
        }

        foreach (var d in state.Decisions)
        {
            if (!Decisions.Contains(d.Decision))
            {
                errors.Add($"Decision on {d.Rule} must be accepted, rejected or replaced.");
            }
            else if (d.Decision == "rejected" && string.IsNullOrWhiteSpace(d.Reason))
            {
                errors.Add($"Rejecting {d.Rule} needs a reason.");
            }
            else if (d.Decision == "replaced" && string.IsNullOrWhiteSpace(d.Replacement))
            {
                errors.Add($"Replacing {d.Rule} needs the replacement code.");
            }
        }

        return errors;
    }

    /// <summary>The required fields a JSON body left null (System.Text.Json fills non-nullable members with null).</summary>
    private static List<string> Missing(WorkbenchState state)
    {
        var missing = new List<string>();
        void Require(object? value, string field)
        {
            if (value is null)
            {
                missing.Add($"{field} is required (null given).");
            }
        }

        Require(state.Diagnoses, "diagnoses");
        Require(state.Lines, "lines");
        Require(state.Decisions, "decisions");
        foreach (var (d, i) in (state.Diagnoses ?? []).Select((d, i) => (d, i)))
        {
            if (d is null)
            {
                Require(d, $"diagnoses[{i}]");
                continue;
            }

            Require(d.Code, $"diagnoses[{i}].code");
        }

        foreach (var (l, i) in (state.Lines ?? []).Select((l, i) => (l, i)))
        {
            if (l is null)
            {
                Require(l, $"lines[{i}]");
                continue;
            }

            Require(l.Code, $"lines[{i}].code");
            Require(l.System, $"lines[{i}].system");
            Require(l.Modifiers, $"lines[{i}].modifiers");
            Require(l.Pointers, $"lines[{i}].pointers");
            foreach (var (m, j) in (l.Modifiers ?? []).Select((m, j) => (m, j)))
            {
                Require(m, $"lines[{i}].modifiers[{j}]");
            }
        }

        foreach (var (d, i) in (state.Decisions ?? []).Select((d, i) => (d, i)))
        {
            if (d is null)
            {
                Require(d, $"decisions[{i}]");
                continue;
            }

            Require(d.Rule, $"decisions[{i}].rule");
            Require(d.Code, $"decisions[{i}].code");
            Require(d.Decision, $"decisions[{i}].decision");
        }

        return missing;
    }
}
