using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>Line shape: at most four modifiers and four diagnosis pointers, pointers to existing diagnoses, units of at least 1.</summary>
internal sealed class LineStructureEdit : ICodingEdit
{
    public string RuleId => "edit.line-structure";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        var sequences = context.Diagnoses.Select(d => d.Sequence).ToHashSet();
        foreach (var line in context.WorkingSet.Lines)
        {
            var problems = new List<string>();
            if (line.Modifiers.Count > ServiceLine.MaxModifiers)
            {
                problems.Add($"{line.Modifiers.Count} modifiers (at most {ServiceLine.MaxModifiers})");
            }

            if (line.DiagnosisPointers.Count > ServiceLine.MaxPointers)
            {
                problems.Add($"{line.DiagnosisPointers.Count} diagnosis pointers (at most {ServiceLine.MaxPointers})");
            }

            var dangling = line.DiagnosisPointers.Where(p => !sequences.Contains(p)).ToList();
            if (dangling.Count > 0)
            {
                problems.Add($"pointer(s) {string.Join(", ", dangling)} to no diagnosis");
            }

            if (line.Units < 1)
            {
                problems.Add($"{line.Units} units");
            }

            if (problems.Count > 0)
            {
                yield return CodingEditContext.Edit(
                    RuleId,
                    $"Line {line.Code} is malformed",
                    $"Line {line.Code} has {string.Join("; ", problems)}.",
                    [context.Service(line)],
                    "CMS-1500 / 837P line limits; FHIR Claim.item");
            }
        }
    }
}
