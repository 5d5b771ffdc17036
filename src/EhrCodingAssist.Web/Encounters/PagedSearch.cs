using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;

namespace EhrCodingAssist.Web.Encounters;

/// <summary>The resources of one search across its pages, and a warning when a bound stopped it early.</summary>
internal sealed record PagedSearchResult(IReadOnlyList<Resource> Resources, string? Warning);

/// <summary>Runs one FHIR search and follows its Bundle <c>next</c> links within the configured bounds.</summary>
internal static class PagedSearch
{
    /// <summary>
    /// Searches <paramref name="resourceType"/> and follows <c>next</c> links. Only entries of the searched type
    /// or of <paramref name="includedTypes"/> are kept (OperationOutcome entries are dropped). A <c>next</c> link
    /// outside the session's FHIR base is never followed: the client would send the bearer token there.
    /// </summary>
    public static async Task<PagedSearchResult> RunAsync(
        FhirClient client,
        Uri fhirBase,
        string label,
        string resourceType,
        SearchParams query,
        SnapshotOptions options,
        IReadOnlyCollection<string>? includedTypes,
        CancellationToken ct)
    {
        query.Count ??= options.PageSize;
        var kept = new List<Resource>();
        var bundle = await client.SearchAsync(query, resourceType, ct);
        var pages = 0;
        while (bundle is not null)
        {
            pages++;
            foreach (var entry in bundle.Entry)
            {
                if (entry.Resource is not { } resource
                    || (resource.TypeName != resourceType && includedTypes?.Contains(resource.TypeName) != true))
                {
                    continue;
                }

                if (kept.Count >= options.MaxResourcesPerSearch)
                {
                    return new(kept, $"{label}: only the first {options.MaxResourcesPerSearch} resources were read "
                        + $"(bound Snapshot:MaxResourcesPerSearch); findings may miss the rest.");
                }

                kept.Add(resource);
            }

            if (bundle.NextLink is not { } next)
            {
                break;
            }

            if (pages >= options.MaxPagesPerSearch)
            {
                return new(kept, $"{label}: only the first {options.MaxPagesPerSearch} pages were read "
                    + $"(bound Snapshot:MaxPagesPerSearch); findings may miss the rest.");
            }

            if (!FhirBaseUri.Contains(fhirBase, ResolveAgainst(fhirBase, next)))
            {
                return new(kept, $"{label}: the EHR's next-page link points outside its FHIR base and was not followed.");
            }

            bundle = await client.ContinueAsync(bundle, PageDirection.Next, ct);
        }

        return new(kept, null);
    }

    private static Uri ResolveAgainst(Uri fhirBase, Uri link) =>
        link.IsAbsoluteUri ? link : new Uri(FhirBaseUri.WithTrailingSlash(fhirBase), link);
}
