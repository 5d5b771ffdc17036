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
        var fiscalYear = CodeSetRegistry.FiscalYearOf(ws.DateOfService);
        if (context.IcdSet is null)
        {
            if (ws.Diagnoses.Count > 0)
            {
                yield return Finding(
                    $"No ICD-10-CM code set for FY{fiscalYear}",
                    $"The date of service {ws.DateOfService:yyyy-MM-dd} falls in FY{fiscalYear}, and no ICD-10-CM code set of that year is loaded; the diagnosis codes cannot be validated.",
                    [],
                    "ICD-10-CM fiscal-year releases (effective 1 October)");
            }
        }
        else
        {
            foreach (var dx in context.Diagnoses.Where(d => context.IcdSet.Find(d.Code) is null))
            {
                yield return Finding(
                    $"{dx.Code} is not valid for the date of service",
                    IcdReason(dx.Code, fiscalYear, context),
                    [new CodeRef(CodeRef.Icd10Cm, dx.Code, null)],
                    $"ICD-10-CM FY{fiscalYear}");
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

    private static string IcdReason(string code, int fiscalYear, CodingEditContext context)
    {
        var years = context.Data.IcdCodeSets.All.Where(s => s.Find(code) is not null).Select(s => s.FiscalYear).ToList();
        if (years.Count == 0)
        {
            return $"{code} is not an ICD-10-CM code in any loaded release (checked against FY{fiscalYear}).";
        }

        return years.Max() < fiscalYear
            ? $"{code} was deleted: it is valid in FY{years.Max()} but not in FY{fiscalYear}, which applies to the date of service {context.WorkingSet.DateOfService:yyyy-MM-dd}."
            : $"{code} is not yet effective: it first appears in FY{years.Min()}, after FY{fiscalYear} of the date of service {context.WorkingSet.DateOfService:yyyy-MM-dd}.";
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
