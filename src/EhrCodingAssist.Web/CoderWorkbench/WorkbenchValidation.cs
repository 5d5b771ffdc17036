namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>Shape checks on a working set the API receives (the coding edits judge the codes themselves).</summary>
internal static class WorkbenchValidation
{
    private static readonly HashSet<string> PoaValues = new(StringComparer.OrdinalIgnoreCase) { "Y", "N", "U", "W", "1" };
    private static readonly HashSet<string> Decisions = new(StringComparer.Ordinal) { "accepted", "rejected", "replaced" };

    public static IReadOnlyList<string> Check(WorkbenchState state)
    {
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

        foreach (var l in state.Lines)
        {
            if (string.IsNullOrWhiteSpace(l.Code) || l.System.ToLowerInvariant() is not ("cpt" or "hcpcs"))
            {
                errors.Add("Every line needs a code and a system (cpt or hcpcs).");
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
}
