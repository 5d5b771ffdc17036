using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Snapshot;

/// <summary>
/// The node <c>observations()</c> and <c>priorObservations()</c> hand out for one measurement: the Observation's own
/// node (a copy of <c>ToPocoNode()</c>), carrying what it was matched as, so that <c>valueIn()</c> and the evidence
/// know which analyte and component were meant without a lookup. One per (Observation, analyte) and index.
/// </summary>
internal sealed record AnalyteNode : PocoNode
{
    public AnalyteNode(AnalyteValue value)
        : base(value.Observation.ToPocoNode())
    {
        Value = value;
    }

    /// <summary>The measurement this node stands for.</summary>
    public AnalyteValue Value { get; }
}
