using System.Text.RegularExpressions;

namespace EhrCodingAssist.Web.Pages;

/// <summary>Links evidence to its source resource through the app's FHIR backend-for-frontend (<c>/fhir/{type}/{id}</c>).</summary>
public static partial class EvidenceLink
{
    /// <summary>The BFF URL of a "Type/id" reference, or null for any other form (absolute, contained, conditional).</summary>
    public static string? Href(string? reference) =>
        reference is not null && RelativeReference().IsMatch(reference) ? "/fhir/" + reference : null;

    /// <summary>The resource type of a "Type/id" reference, for the link's text.</summary>
    public static string TypeOf(string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? reference[..slash] : reference;
    }

    [GeneratedRegex("^[A-Z][A-Za-z]{1,63}/[A-Za-z0-9\\-\\.]{1,64}$", RegexOptions.None, 100)]
    private static partial Regex RelativeReference();
}
