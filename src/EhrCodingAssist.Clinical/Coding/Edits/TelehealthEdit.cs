using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// On a virtual encounter (class VR or a virtual service type), the lines for telehealth services need place of service
/// 02 or 10 and modifier 95 or 93.
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

            if (!line.Modifiers.Any(m => TelehealthServices.Modifiers.Contains(m.Trim(), StringComparer.Ordinal)))
            {
                yield return CodingEditContext.Edit(
                    RuleId,
                    $"Telehealth modifier missing on {line.Code}",
                    $"The encounter was virtual, and line {line.Code} has no modifier 95 (synchronous audio-video) or 93 (audio only).",
                    [context.Service(line)],
                    Source);
            }
        }
    }
}
