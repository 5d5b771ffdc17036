using Hl7.Fhir.Serialization;

namespace EhrCodingAssist.Clinical.Ingest;

/// <summary>The one FHIR JSON deserializer configuration used to read input files (CLI) and EHR responses.</summary>
public static class FhirJsonInput
{
    /// <summary>
    /// Firely's POCO deserializer in backwards-compatible mode: unknown elements and codes from later FHIR versions
    /// are tolerated, structural errors (wrong JSON types, unknown resource types, bad JSON) are not. Cardinality and
    /// value-format validation is off (<see cref="DeserializerSettings.Validator"/> null): real EHR exports often miss
    /// a required element, the rules do not depend on it, and it halves the parse cost. Thread-safe.
    /// </summary>
    public static FhirJsonDeserializer Deserializer { get; } = new(Settings());

    private static DeserializerSettings Settings() =>
        new DeserializerSettings().UsingMode(DeserializationMode.BackwardsCompatible) with { Validator = null };
}
