namespace EhrCodingAssist.Web.WriteBack;

/// <summary>Fixed systems and codes the write-back puts on resources.</summary>
internal static class WriteBackIdentifiers
{
    /// <summary>Identifier system of the idempotency key on written Conditions (value = the query id).</summary>
    public const string IdempotencySystem = "urn:ehrcodingassist:query-answer";

    /// <summary>Identifier system of documentation queries kept in the app's store.</summary>
    public const string QuerySystem = "urn:ehrcodingassist:documentation-query";

    /// <summary>Identifier system of the app itself, the Provenance assembler.</summary>
    public const string AppSystem = "urn:ietf:rfc:3986";

    /// <summary>The app's identifier value.</summary>
    public const string AppId = "urn:ehrcodingassist:app";

    /// <summary>Provenance.policy prefix naming the rule and version behind a decision.</summary>
    public const string RulePolicyPrefix = "urn:ehrcodingassist:rule:";

    /// <summary>HL7 v3 ObservationValue, home of AIAST (AI Transparency on FHIR).</summary>
    public const string ObservationValueSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

    /// <summary>"Artificial Intelligence asserted".</summary>
    public const string Aiast = "AIAST";

    public const string ConditionCategorySystem = "http://terminology.hl7.org/CodeSystem/condition-category";

    public const string ConditionClinicalSystem = "http://terminology.hl7.org/CodeSystem/condition-clinical";

    public const string ConditionVerificationSystem = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    public const string ProvenanceParticipantSystem = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    public const string UsCoreEncounterDiagnosisProfile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-encounter-diagnosis";

    public const string UsCoreProvenanceProfile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-provenance";
}
