using System.Globalization;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>Builds searchset Bundles with total, self/next/previous links (offset paging) and include entries.</summary>
internal static class SearchBundles
{
    public static Bundle Searchset(string type, SearchPage page, string fhirBase)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = page.Total, Id = Guid.NewGuid().ToString("N") };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = PageUrl(type, page, page.Offset, fhirBase) });
        if (page.Count > 0 && page.Offset + page.Count < page.Total)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = PageUrl(type, page, page.Offset + page.Count, fhirBase) });
        }

        if (page.Offset > 0)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "previous", Url = PageUrl(type, page, Math.Max(0, page.Offset - page.Count), fhirBase) });
        }

        foreach (var match in page.Matches)
        {
            bundle.Entry.Add(Entry(match, Bundle.SearchEntryMode.Match, fhirBase));
        }

        foreach (var included in page.Included)
        {
            bundle.Entry.Add(Entry(included, Bundle.SearchEntryMode.Include, fhirBase));
        }

        return bundle;
    }

    private static Bundle.EntryComponent Entry(StoredResource stored, Bundle.SearchEntryMode mode, string fhirBase) => new()
    {
        FullUrl = $"{fhirBase}/{stored.Key}",
        Resource = stored.Resource,
        Search = new Bundle.SearchComponent { Mode = mode },
    };

    private static string PageUrl(string type, SearchPage page, int offset, string fhirBase)
    {
        var query = page.UsedParameters.ToList();
        query.Add(new("_count", page.Count.ToString(CultureInfo.InvariantCulture)));
        query.Add(new("_offset", offset.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString($"{fhirBase}/{type}", query!);
    }
}
