using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// A diagnosis that conflicts with the patient's sex or age: the groups with a sex or age condition in the coding-edit
/// code groups of the date of service (<see cref="CodingEditGroups"/>; each names its source).
/// </summary>
internal sealed class AgeSexEdit : ICodingEdit
{
    public string RuleId => "edit.age-sex";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        if (context.Groups is not { } groups)
        {
            yield break;
        }

        var ws = context.WorkingSet;
        foreach (var dx in context.Diagnoses)
        {
            foreach (var condition in groups.AgeSexConditions.Where(c => c.Contains(dx.Code)))
            {
                if (Reason(condition, ws) is { } reason)
                {
                    yield return CodingEditContext.Edit(
                        RuleId,
                        $"{dx.Code} conflicts with the patient's {(condition.Sex is null ? "age" : "sex")}",
                        $"{dx.Code} is one of the {condition.Description}; {reason}. Check the code and the patient's demographics. [{condition.Id}]",
                        [context.Icd(dx.Code)],
                        condition.Source);
                }
            }
        }
    }

    private static string? Reason(CodingEditGroup condition, CodingWorkingSet ws)
    {
        if (condition.Sex is { } sex && ws.PatientSex is AdministrativeSex.Female or AdministrativeSex.Male && ws.PatientSex != sex)
        {
            return $"these apply to {sex.ToString().ToLowerInvariant()} patients and the patient is {ws.PatientSex.ToString().ToLowerInvariant()}";
        }

        if (ws.PatientAgeYears is { } age && (age < condition.MinAge || age > condition.MaxAge))
        {
            var range = (condition.MinAge, condition.MaxAge) switch
            {
                ({ } min, { } max) => $"ages {min} to {max}",
                ({ } min, null) => $"ages {min} and over",
                (null, 0) => "newborns (age 0)",
                (null, { } max) => $"ages up to {max}",
                _ => "any age",
            };
            return $"these apply to {range} and the patient is {age}";
        }

        return null;
    }
}
