using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>A code that is not valid on the date of service: unknown, deleted, not yet effective, or terminated.</summary>
internal sealed class InvalidCodeEdit : ICodingEdit
{
    public string RuleId => "edit.invalid-code";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        var ws = context.WorkingSet;
        // Without any applicable release CodeSetYearEdit raises the one blocking finding; codes are not guessed at.
        if (context.IcdSet is { } set)
        {
            foreach (var dx in context.Diagnoses.Where(d => set.Find(d.Code) is null))
            {
                yield return Finding(
                    context.IcdResolution.Exact ? $"{dx.Code} is not valid for the date of service" : $"{dx.Code} is not in {set.Version}",
                    IcdReason(dx.Code, context.IcdResolution, context),
                    [new CodeRef(CodeRef.Icd10Cm, dx.Code, null)],
                    set.Version);
            }
        }

        foreach (var line in ws.Lines)
        {
            if (ServiceReason(line, context) is { } reason)
            {
                yield return Finding($"{line.Code} is not valid for the date of service", reason, [context.Service(line)], "HCPCS Level II quarterly file; CPT code structure");
            }

            foreach (var modifier in line.Modifiers.Where(m => !ModifierValid(m, context.DateOf(line), context.Data.Hcpcs)))
            {
                yield return Finding(
                    $"Modifier {modifier} is not valid",
                    $"Modifier {modifier} on line {line.Code} is not a CPT modifier (two digits) or a HCPCS Level II modifier valid on {context.DateOf(line):yyyy-MM-dd}.",
                    [context.Service(line)],
                    "HCPCS Level II modifiers (RECID 7); CPT modifiers");
            }
        }
    }

    private static string IcdReason(string code, CodeSetResolution resolution, CodingEditContext context)
    {
        var fiscalYear = resolution.FiscalYear;
        var set = resolution.Set!;
        var date = context.WorkingSet.DateOfService;
        var fallback = resolution.Exact ? string.Empty : $", the latest loaded release, used because no FY{fiscalYear} release is loaded";
        var years = context.Data.IcdCodeSets.All.Where(s => s.Find(code) is not null).Select(s => s.FiscalYear).ToList();
        if (years.Count == 0)
        {
            return $"{code} is not an ICD-10-CM code in any loaded release (checked against {set.Version}{fallback}).";
        }

        return years.Max() < set.FiscalYear
            ? $"{code} was deleted: it is valid in FY{years.Max()} but not in FY{set.FiscalYear}, which checks the date of service {date:yyyy-MM-dd}{fallback}."
            : $"{code} is not yet effective: it first appears in FY{years.Min()}, after FY{fiscalYear} of the date of service {date:yyyy-MM-dd}.";
    }

    private static string? ServiceReason(ServiceLine line, CodingEditContext context)
    {
        var date = context.DateOf(line);
        if (line.System == ServiceCodeSystem.Cpt)
        {
            return context.Data.Cpt.IsKnown(line.Code) ? null
                : CptCodeSet.IsWellFormed(line.Code) ? $"CPT {line.Code} is not in the imported CPT file."
                : $"'{line.Code}' is not a CPT code (five digits, or four digits and F, T, U or M).";
        }

        if (context.Data.Hcpcs is not { } hcpcs)
        {
            return HcpcsCodeSet.IsLevelTwoShape(line.Code) ? null : $"'{line.Code}' is not a HCPCS Level II code (a letter and four digits).";
        }

        return hcpcs.Find(line.Code) switch
        {
            null => $"{line.Code} is not in the HCPCS Level II file {hcpcs.Version}.",
            { Terminated: { } term } when date > term => $"HCPCS {line.Code} was terminated on {term:yyyy-MM-dd}, before the service date {date:yyyy-MM-dd}.",
            { Added: { } added } when date < added => $"HCPCS {line.Code} was added on {added:yyyy-MM-dd}, after the service date {date:yyyy-MM-dd}.",
            _ => null,
        };
    }

    private static bool ModifierValid(string modifier, DateOnly date, HcpcsCodeSet? hcpcs)
    {
        var m = modifier.Trim().ToUpperInvariant();
        if (m.Length != 2)
        {
            return false;
        }

        if (char.IsAsciiDigit(m[0]) && char.IsAsciiDigit(m[1]))
        {
            return true; // CPT modifiers: shape only, descriptions are not shipped
        }

        return hcpcs is null ? m.All(char.IsAsciiLetterOrDigit) : hcpcs.FindModifier(m)?.IsValidOn(date) == true;
    }

    private Finding Finding(string title, string text, IReadOnlyList<CodeRef> codes, string source) =>
        CodingEditContext.Edit(RuleId, title, text, codes, source);
}
