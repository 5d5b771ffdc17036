using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>A diagnosis that conflicts with the patient's sex or age (data in <see cref="AgeSexConflicts"/>).</summary>
internal sealed class AgeSexEdit : ICodingEdit
{
    public string RuleId => "edit.age-sex";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        var ws = context.WorkingSet;
        foreach (var dx in context.Diagnoses)
        {
            if (IcdCodes.ToDotless(dx.Code) is not { } code)
            {
                continue;
            }

            foreach (var condition in AgeSexConflicts.All.Where(c => c.Codes.Contains(code)))
            {
                if (Reason(condition, ws) is { } reason)
                {
                    yield return CodingEditContext.Edit(
                        RuleId,
                        $"{dx.Code} conflicts with the patient's {(condition.Sex is null ? "age" : "sex")}",
                        $"{dx.Code} is one of the {condition.Group}; {reason}. Check the code and the patient's demographics. [{condition.Id}]",
                        [context.Icd(dx.Code)],
                        "ICD-10-CM Tabular List; CMS Medicare Code Editor age and sex edits");
                }
            }
        }
    }

    private static string? Reason(AgeSexCondition condition, CodingWorkingSet ws)
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
