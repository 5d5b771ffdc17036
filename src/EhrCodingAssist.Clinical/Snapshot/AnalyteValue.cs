using EhrCodingAssist.Clinical.Rules;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Snapshot;

/// <summary>One measurement of an analyte: the Observation, and its value or the matching component's value.</summary>
/// <param name="Analyte">The analyte it was matched as.</param>
/// <param name="Observation">The source Observation.</param>
/// <param name="Component">Index of the matching component, or -1 when Observation.code matched.</param>
/// <param name="Time">Effective time (or issued).</param>
/// <param name="InEncounter">Linked to the encounter or effective within its period.</param>
public sealed record AnalyteValue(AnalyteDefinition Analyte, Observation Observation, int Component, DateTimeOffset? Time, bool InEncounter)
{
    /// <summary>The measured quantity (of the observation or of the matching component).</summary>
    public Quantity? Quantity => (Component < 0 ? Observation.Value : Observation.Component[Component].Value) as Quantity;

    /// <summary>Display of what was measured: the analyte's display, else the code's text or first display.</summary>
    public string Display
    {
        get
        {
            var code = Component < 0 ? Observation.Code : Observation.Component[Component].Code;
            return Analyte.Display ?? code?.Text ?? code?.Coding.FirstOrDefault(c => c.Display is not null)?.Display ?? Analyte.Name;
        }
    }

    /// <summary>The UCUM unit of <see cref="Quantity"/> (code, else the human unit).</summary>
    public string? UnitCode => Quantity is { } q ? q.Code ?? q.Unit : null;
}
