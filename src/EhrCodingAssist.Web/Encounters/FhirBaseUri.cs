namespace EhrCodingAssist.Web.Encounters;

/// <summary>Checks that a URL lies under the session's FHIR base, before a call that carries the bearer token.</summary>
internal static class FhirBaseUri
{
    /// <summary>The base with a trailing slash, so relative references resolve under it.</summary>
    public static Uri WithTrailingSlash(Uri fhirBase) =>
        fhirBase.AbsoluteUri.EndsWith('/') ? fhirBase : new Uri(fhirBase.AbsoluteUri + "/");

    /// <summary>True when <paramref name="candidate"/> has the base's scheme, host and port, and its path below the base's.</summary>
    public static bool Contains(Uri fhirBase, Uri candidate)
    {
        if (!candidate.IsAbsoluteUri)
        {
            return false;
        }

        var baseUri = WithTrailingSlash(fhirBase);
        return Uri.Compare(baseUri, candidate, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            && candidate.AbsolutePath.StartsWith(baseUri.AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>Resolves an attachment or link URL (absolute or relative to the base) when it lies under the base.</summary>
    public static Uri? ResolveUnder(Uri fhirBase, string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(WithTrailingSlash(fhirBase), url, out var resolved))
        {
            return null;
        }

        return Contains(fhirBase, resolved) ? resolved : null;
    }
}
