namespace EhrCodingAssist.Clinical.Ingest;

/// <summary>Normalises FHIR literal references to the "Type/id" form used as keys.</summary>
internal static class ReferenceKey
{
    /// <summary>
    /// "Encounter/1", "http://x/fhir/Encounter/1" and "Encounter/1/_history/2" all become "Encounter/1";
    /// contained ("#x"), conditional ("Patient?identifier=…"), urn: and empty references give null.
    /// </summary>
    public static string? Normalize(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || reference[0] == '#' || reference.Contains('?', StringComparison.Ordinal)
            || reference.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var history = reference.IndexOf("/_history/", StringComparison.Ordinal);
        var path = history >= 0 ? reference.AsSpan(0, history) : reference.AsSpan();
        var lastSlash = path.LastIndexOf('/');
        if (lastSlash <= 0 || lastSlash == path.Length - 1)
        {
            return null;
        }

        var typeStart = path[..lastSlash].LastIndexOf('/') + 1;
        var type = path[typeStart..lastSlash];
        if (type.IsEmpty || !char.IsUpper(type[0]))
        {
            return null;
        }

        return typeStart == 0 && history < 0 ? reference : path[typeStart..].ToString();
    }

    /// <summary>"Type/id" of a resource, or null when it has no id.</summary>
    public static string? Of(Hl7.Fhir.Model.Resource resource) =>
        string.IsNullOrEmpty(resource.Id) ? null : resource.TypeName + "/" + resource.Id;
}
