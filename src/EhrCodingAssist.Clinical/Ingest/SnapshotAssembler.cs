using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Ingest;

/// <summary>Groups loose FHIR resources (a Bundle, an NDJSON group, a search result) into one snapshot per Encounter.</summary>
public static class SnapshotAssembler
{
    /// <summary>
    /// One snapshot per Encounter (in input order), with its Patient and every resource that references the
    /// encounter or its patient (patient-level resources of other encounters included: the rules filter by
    /// encounter and period), plus Medications those resources point at. DocumentReference text/plain and
    /// text/html attachment data are decoded into <see cref="EncounterSnapshot.NoteTexts"/>.
    /// </summary>
    /// <param name="resources">Resources whose references are already "Type/id" (see <see cref="FromBundle"/>).</param>
    /// <param name="asOf">The analysis moment; when null the snapshot default (now) applies.</param>
    public static IReadOnlyList<EncounterSnapshot> FromResources(IEnumerable<Resource> resources, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var all = resources as IReadOnlyList<Resource> ?? [.. resources];
        var encounters = new List<int>();
        var patients = new Dictionary<string, Patient>(StringComparer.Ordinal);
        var medications = new Dictionary<string, Medication>(StringComparer.Ordinal);
        var byEncounter = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byPatient = new Dictionary<string, List<int>>(StringComparer.Ordinal);

        for (var i = 0; i < all.Count; i++)
        {
            switch (all[i])
            {
                case Encounter encounter:
                    if (!string.IsNullOrEmpty(encounter.Id))
                    {
                        encounters.Add(i);
                    }

                    break;
                case Patient patient:
                    if (!string.IsNullOrEmpty(patient.Id))
                    {
                        patients.TryAdd("Patient/" + patient.Id, patient);
                    }

                    continue;
                case Medication medication:
                    if (!string.IsNullOrEmpty(medication.Id))
                    {
                        medications.TryAdd("Medication/" + medication.Id, medication);
                    }

                    continue;
            }

            foreach (var encounterKey in ResourceLinks.Encounters(all[i]))
            {
                Index(byEncounter, encounterKey, i);
            }

            if (ResourceLinks.Patient(all[i]) is { } patientKey)
            {
                Index(byPatient, patientKey, i);
            }
        }

        var snapshots = new List<EncounterSnapshot>(encounters.Count);
        var links = new Links(patients, medications, byEncounter, byPatient, []);
        foreach (var index in encounters)
        {
            snapshots.Add(Assemble(all, index, links, asOf));
        }

        return snapshots;
    }

    /// <summary>
    /// Snapshots of a collection, transaction or searchset Bundle. References to entries' fullUrls (urn:uuid or
    /// absolute) are rewritten in place to "Type/id" first; search outcomes (OperationOutcome) are left out.
    /// </summary>
    public static IReadOnlyList<EncounterSnapshot> FromBundle(Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return FromResources(BundleReferences.Resolve(bundle));
    }

    private static EncounterSnapshot Assemble(IReadOnlyList<Resource> all, int encounterIndex, Links links, DateTimeOffset? asOf)
    {
        var encounter = (Encounter)all[encounterIndex];
        var warnings = new List<string>();
        var patientKey = ReferenceKey.Normalize(encounter.Subject?.Reference);
        Patient? patient = null;
        if (patientKey is null || !patientKey.StartsWith("Patient/", StringComparison.Ordinal))
        {
            warnings.Add($"Encounter/{encounter.Id} has no Patient subject");
            patientKey = null;
        }
        else if (!links.Patients.TryGetValue(patientKey, out patient))
        {
            warnings.Add($"{patientKey} was not found in the input");
        }

        var members = new SortedSet<int>();
        if (links.ByEncounter.TryGetValue("Encounter/" + encounter.Id, out var linked))
        {
            members.UnionWith(linked);
        }

        if (patientKey is not null && links.ByPatient.TryGetValue(patientKey, out var patientLinked))
        {
            members.UnionWith(patientLinked);
        }

        members.Remove(encounterIndex);
        var included = new List<Resource>(members.Count);
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        var addedMedications = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in members)
        {
            var resource = all[i];
            included.Add(resource);
            if (resource is DocumentReference document && !string.IsNullOrEmpty(document.Id))
            {
                // A patient's notes are shared by all its encounters: decode each once per call.
                if (!links.Notes.TryGetValue(i, out var decoded))
                {
                    decoded.Text = NoteTextDecoder.Decode(document, out decoded.Warning);
                    links.Notes[i] = decoded;
                }

                var (text, warning) = decoded;
                if (text is not null)
                {
                    notes.TryAdd(document.Id, text);
                }
                else if (warning is not null)
                {
                    warnings.Add(warning);
                }
            }

            if (resource.TryGetValue("medication", out var medication) && medication is ResourceReference medicationReference
                && ReferenceKey.Normalize(medicationReference.Reference) is { } medicationKey
                && links.Medications.TryGetValue(medicationKey, out var medicationResource) && addedMedications.Add(medicationKey))
            {
                included.Add(medicationResource);
            }
        }

        return asOf is { } moment
            ? new EncounterSnapshot { Encounter = encounter, Patient = patient, Resources = included, NoteTexts = notes, Warnings = warnings, AsOf = moment }
            : new EncounterSnapshot { Encounter = encounter, Patient = patient, Resources = included, NoteTexts = notes, Warnings = warnings };
    }

    private sealed record Links(
        Dictionary<string, Patient> Patients,
        Dictionary<string, Medication> Medications,
        Dictionary<string, List<int>> ByEncounter,
        Dictionary<string, List<int>> ByPatient,
        Dictionary<int, (string? Text, string? Warning)> Notes);

    private static void Index(Dictionary<string, List<int>> index, string key, int position)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        if (list.Count == 0 || list[^1] != position)
        {
            list.Add(position);
        }
    }
}
