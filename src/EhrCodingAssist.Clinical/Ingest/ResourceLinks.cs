using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Ingest;

/// <summary>
/// Finds which encounters and patients a resource points at, by FHIR element name so that every resource type
/// is covered: <c>encounter</c> (Observation, Condition, Procedure, MedicationRequest, DiagnosticReport …),
/// <c>context</c> (MedicationAdministration, DocumentReference.context.encounter), <c>item[].encounter</c>
/// (Claim, ExplanationOfBenefit) and <c>subject</c> / <c>patient</c> / <c>beneficiary</c>.
/// </summary>
internal static class ResourceLinks
{
    private static readonly string[] PatientElements = ["subject", "patient", "beneficiary"];

    /// <summary>Normalised "Encounter/id" references of the resource.</summary>
    public static IEnumerable<string> Encounters(Resource resource)
    {
        var found = new List<string>(1);
        if (resource.TryGetValue("encounter", out var encounter))
        {
            AddEncounters(encounter, found);
        }

        if (resource.TryGetValue("context", out var context))
        {
            if (context is DocumentReference.ContextComponent documentContext)
            {
                AddEncounters(documentContext.Encounter, found);
            }
            else
            {
                AddEncounters(context, found);
            }
        }

        if (resource.TryGetValue("item", out var items) && items is IEnumerable<Base> itemList)
        {
            foreach (var item in itemList)
            {
                if (item.TryGetValue("encounter", out var itemEncounter))
                {
                    AddEncounters(itemEncounter, found);
                }
            }
        }

        return found;
    }

    /// <summary>The normalised "Patient/id" reference of the resource, or null.</summary>
    public static string? Patient(Resource resource)
    {
        foreach (var name in PatientElements)
        {
            if (resource.TryGetValue(name, out var value) && value is ResourceReference reference)
            {
                var key = ReferenceKey.Normalize(reference.Reference);
                if (key is not null && key.StartsWith("Patient/", StringComparison.Ordinal))
                {
                    return key;
                }
            }
        }

        return null;
    }

    private static void AddEncounters(object? value, List<string> found)
    {
        switch (value)
        {
            case ResourceReference reference:
                Add(reference, found);
                break;
            case IEnumerable<ResourceReference> references:
                foreach (var r in references)
                {
                    Add(r, found);
                }

                break;
        }
    }

    private static void Add(ResourceReference reference, List<string> found)
    {
        var key = ReferenceKey.Normalize(reference.Reference);
        if (key is not null && key.StartsWith("Encounter/", StringComparison.Ordinal) && !found.Contains(key))
        {
            found.Add(key);
        }
    }
}
