using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// On a virtual encounter (class VR or a virtual service type), the lines for telehealth services need place of service
/// 02 or 10, and modifier 95 or 93 where the primary payer's rules ask for it on that place of service and date
/// (<see cref="Reference.PayerRuleSet"/>: configuration data; Medicare has not required it with POS 02/10 since 2024).
/// </summary>
internal sealed class TelehealthEdit : ICodingEdit
{
    private const string Source = "CMS Medicare telehealth billing: place of service 02/10, modifiers 95/93";

    public string RuleId => "edit.telehealth";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        var ws = context.WorkingSet;
        if (!ws.IsTelehealth)
        {
            yield break;
        }

        foreach (var line in ws.Lines.Where(l => TelehealthServices.Needs(l.Code)))
        {
            var pos = (line.PlaceOfService ?? ws.PlaceOfService)?.Trim();
            if (pos is null || !TelehealthServices.PlacesOfService.Contains(pos, StringComparer.Ordinal))
            {
                yield return CodingEditContext.Edit(
                    RuleId,
                    $"Telehealth place of service missing on {line.Code}",
                    $"The encounter was virtual, and line {line.Code} has place of service {pos ?? "(none)"}; telehealth services use 02 (other than the patient's home) or 10 (the patient's home).",
                    [context.Service(line)],
                    Source);
            }

            var rule = context.Payer.TelehealthModifierOn(context.DateOf(line));
            var needed = pos is not null && TelehealthServices.PlacesOfService.Contains(pos, StringComparer.Ordinal)
                ? rule.RequiredWithPlacesOfService.Contains(pos, StringComparer.Ordinal)
                : rule.RequiredWithPlacesOfService.Count > 0;
            if (needed && !line.Modifiers.Any(m => TelehealthServices.Modifiers.Contains(m.Trim(), StringComparer.Ordinal)))
            {
                yield return CodingEditContext.Edit(
                    RuleId,
                    $"Telehealth modifier missing on {line.Code}",
                    $"The encounter was virtual, and line {line.Code} has no modifier 95 (synchronous audio-video) or 93 (audio only), which {context.Payer.Name} asks for with place of service {string.Join(" or ", rule.RequiredWithPlacesOfService)}.",
                    [context.Service(line)],
                    $"{Source}; payer rules '{context.Payer.Id}': {rule.Source ?? "configured"}");
            }
        }
    }
}
