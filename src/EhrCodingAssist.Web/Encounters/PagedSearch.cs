using EhrCodingAssist.Web.EhrFailures;
using EhrCodingAssist.Web.Encounters.Reading;
using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.Encounters;

/// <summary>The resources of one search across its pages, and the warnings about what was not read.</summary>
internal sealed record PagedSearchResult(IReadOnlyList<Resource> Resources, IReadOnlyList<string> Warnings)
{
    /// <summary>The first warning, if any.</summary>
    public string? Warning => Warnings.Count > 0 ? Warnings[0] : null;
}

/// <summary>Runs one FHIR search and follows its Bundle <c>next</c> links within the configured bounds.</summary>
internal static class PagedSearch
{
    private const int NamedSkips = 5;

    /// <summary>
    /// Searches and follows <c>next</c> links, streaming every page. Only entries of the searched type or of the
    /// search's included types are kept (OperationOutcome entries are dropped); an entry the app cannot read is
    /// skipped and named. Stops at <see cref="SnapshotOptions.MaxResourcesPerSearch"/>, <see cref="SnapshotOptions.MaxPagesPerSearch"/>,
    /// the response byte bound, a <c>next</c> link already followed (a paging loop) or outside the session's FHIR base
    /// (the client would send the bearer token there), or when <paramref name="ct"/> (the load budget) runs out; each
    /// stop is a warning. A search the EHR fails is a warning too: the rest of the chart is still evaluated.
    /// </summary>
    public static async Task<PagedSearchResult> RunAsync(EhrReader reader, SnapshotSearch search, SnapshotOptions options, CancellationToken ct)
    {
        var label = search.Label;
        var kept = new List<Resource>();
        var skipped = new List<string>();
        var warnings = new List<string>();
        var followed = new HashSet<string>(StringComparer.Ordinal);
        var url = SearchUrl(reader.FhirBase, search, options.PageSize);
        var capped = false;
        try
        {
            for (var page = 1; url is not null; page++)
            {
                followed.Add(url.AbsoluteUri);
                var summary = await reader.SearchPageAsync(url, $"the {label} search", entry => Keep(entry), ct).ConfigureAwait(false);
                if (capped)
                {
                    warnings.Add($"{label}: only the first {options.MaxResourcesPerSearch} resources were read "
                        + "(bound Snapshot:MaxResourcesPerSearch); findings may miss the rest.");
                    break;
                }

                if (summary.OverByteBound)
                {
                    warnings.Add($"{label}: a page was longer than the bound Ehr:Http:MaxResponseBytes and was read only in part; findings may miss the rest.");
                    break;
                }

                url = Next(reader.FhirBase, summary.NextLink, label, page, options, followed, warnings);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            warnings.Add($"{label}: stopped when the chart's load budget ran out (bound Snapshot:LoadBudget); findings may miss the rest.");
        }
        catch (MissingScopeException e)
        {
            var scope = e.Scope is null ? "a scope" : "the scope " + e.Scope;
            warnings.Add($"{label}: not loaded, the EHR did not grant {scope}; findings may be incomplete.");
        }
        catch (Exception e) when (e is not RelaunchRequiredException && EhrFailure.From(e) is { } failure)
        {
            warnings.Add($"{label}: not loaded, {Lower(failure.Detail)} Findings may be incomplete.");
        }

        if (skipped.Count > 0)
        {
            warnings.Add($"{label}: {skipped.Count} resource(s) the app cannot read were skipped ("
                + string.Join("; ", skipped.Take(NamedSkips)) + (skipped.Count > NamedSkips ? "; …" : string.Empty)
                + "); the rest of the chart was evaluated.");
        }

        return new(kept, warnings);

        bool Keep(EntryResult entry)
        {
            var type = entry.Resource?.TypeName;
            if (type is not null && type != search.ResourceType && search.IncludedTypes?.Contains(type) != true)
            {
                return true;
            }

            if (entry.SkipReason is not null)
            {
                skipped.Add($"{entry.Name}: {entry.SkipReason}");
                return true;
            }

            if (kept.Count >= options.MaxResourcesPerSearch)
            {
                capped = true;
                return false;
            }

            kept.Add(entry.Resource!);
            return true;
        }
    }

    private static Uri? Next(Uri fhirBase, string? link, string label, int page, SnapshotOptions options, HashSet<string> followed, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        if (page >= options.MaxPagesPerSearch)
        {
            warnings.Add($"{label}: only the first {options.MaxPagesPerSearch} pages were read "
                + "(bound Snapshot:MaxPagesPerSearch); findings may miss the rest.");
            return null;
        }

        if (!Uri.TryCreate(FhirBaseUri.WithTrailingSlash(fhirBase), link, out var next) || !FhirBaseUri.Contains(fhirBase, next))
        {
            warnings.Add($"{label}: the EHR's next-page link points outside its FHIR base and was not followed.");
            return null;
        }

        if (followed.Contains(next.AbsoluteUri))
        {
            warnings.Add($"{label}: the EHR's next-page link leads back to a page already read (a paging loop); paging stopped there.");
            return null;
        }

        return next;
    }

    private static Uri SearchUrl(Uri fhirBase, SnapshotSearch search, int pageSize)
    {
        var parameters = search.Query.ToUriParamList().Select(p => (Name: p.Item1, Value: p.Item2)).ToList();
        if (!parameters.Any(p => p.Name == "_count"))
        {
            parameters.Add(("_count", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var query = string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
        return new Uri(FhirBaseUri.WithTrailingSlash(fhirBase), search.ResourceType + "?" + query);
    }

    private static string Lower(string text) => text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
