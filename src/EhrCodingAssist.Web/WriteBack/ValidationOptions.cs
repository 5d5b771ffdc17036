namespace EhrCodingAssist.Web.WriteBack;

/// <summary>How written resources are validated before they are sent; bound from the "Validation" section.</summary>
public sealed record ValidationOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Validation";

    /// <summary>
    /// A folder of US Core conformance resources (one version, e.g. us-core/6.1.0). When set, Conditions are also
    /// validated against US Core Condition Encounter Diagnosis. Defaults to none (FHIR R4 only).
    /// </summary>
    public string? UsCorePath { get; init; }
}
