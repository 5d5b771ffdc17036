using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Snapshot;

/// <summary>Matches FHIR references ("Encounter/1", "http://x/fhir/Encounter/1", "Encounter/1/_history/2").</summary>
internal static class References
{
    public static bool Matches(ResourceReference? reference, string typeAndId) => Matches(reference?.Reference, typeAndId);

    /// <summary>"Type/id" of a relative or absolute reference (history stripped), or null.</summary>
    public static string? TypeAndId(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var history = reference.IndexOf("/_history", StringComparison.Ordinal);
        var r = history >= 0 ? reference[..history] : reference;
        var last = r.LastIndexOf('/');
        if (last <= 0)
        {
            return null;
        }

        var previous = r.LastIndexOf('/', last - 1);
        return previous < 0 ? r : r[(previous + 1)..];
    }

    public static bool Matches(string? reference, string typeAndId)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return false;
        }

        var history = reference.IndexOf("/_history", StringComparison.Ordinal);
        var r = history >= 0 ? reference[..history] : reference;
        return r.Length == typeAndId.Length
            ? string.Equals(r, typeAndId, StringComparison.Ordinal)
            : r.EndsWith(typeAndId, StringComparison.Ordinal) && r[r.Length - typeAndId.Length - 1] == '/';
    }
}
