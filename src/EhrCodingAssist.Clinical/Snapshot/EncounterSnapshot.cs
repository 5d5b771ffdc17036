using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Snapshot;

/// <summary>
/// Everything the rules may look at for one encounter: the Encounter, its Patient and the resources that
/// reference either of them (Conditions, Observations, MedicationRequests, Procedures, DocumentReferences,
/// Coverage, Claims …). Built once per analysis by the CLI (from files) or the web app (from the EHR).
/// </summary>
public sealed class EncounterSnapshot
{
    /// <summary>The encounter under analysis.</summary>
    public required Encounter Encounter { get; init; }

    /// <summary>The encounter's patient, when it was found.</summary>
    public Patient? Patient { get; init; }

    /// <summary>Every other resource of the snapshot (not the Encounter or Patient themselves).</summary>
    public required IReadOnlyList<Resource> Resources { get; init; }

    /// <summary>Plain-text bodies of DocumentReferences already decoded, keyed by DocumentReference id.</summary>
    public IReadOnlyDictionary<string, string> NoteTexts { get; init; } = new Dictionary<string, string>();

    /// <summary>Warnings about how complete the snapshot is (a paging bound was hit, an attachment could not be read …).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The moment the analysis is "as of"; defaults to now. Rules that look back in time use it.</summary>
    public DateTimeOffset AsOf { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>"Encounter/{id}".</summary>
    public string EncounterReference => "Encounter/" + Encounter.Id;

    /// <summary>"Patient/{id}", from the Patient or the Encounter's subject.</summary>
    public string? PatientReference => Patient is not null ? "Patient/" + Patient.Id : Encounter.Subject?.Reference;
}
