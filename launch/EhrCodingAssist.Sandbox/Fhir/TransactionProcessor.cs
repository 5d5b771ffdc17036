using System.Globalization;
using System.Net;
using EhrCodingAssist.Sandbox.Auth;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>
/// Transaction and batch Bundles. A transaction runs inside one store write: ids are assigned (or found by
/// request.ifNoneExist) first, urn:uuid and other fullUrl references are rewritten to Type/id, then DELETE,
/// POST, PUT and GET entries run in that order; any failure rolls every entry back.
/// </summary>
internal sealed class TransactionProcessor(FhirOperations operations)
{
    private static readonly string[] MethodOrder = ["DELETE", "POST", "PUT", "PATCH", "GET", "HEAD"];

    public Bundle Process(Bundle bundle, AccessGrant access, Func<string, StoredResource, Bundle.ResponseComponent>? describe = null)
    {
        describe ??= (status, stored) => Response(status, stored, operations.Store.FhirBase);
        return bundle.Type switch
        {
            Bundle.BundleType.Transaction => Transaction(bundle, access, describe),
            Bundle.BundleType.Batch => Batch(bundle, access, describe),
            _ => throw FhirError.BadRequest("Only Bundles of type transaction or batch can be posted to the base URL."),
        };
    }

    private Bundle Transaction(Bundle bundle, AccessGrant access, Func<string, StoredResource, Bundle.ResponseComponent> describe)
    {
        var entries = bundle.Entry.Select((e, i) => (Entry: e, Index: i, Request: Validate(e, i))).ToList();
        var responses = new Bundle.EntryComponent?[entries.Count];

        operations.Store.Write(scope =>
        {
            // 1. Decide every entry's identity, so references between entries can be rewritten before anything is written.
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            var plans = new Dictionary<int, (string? Id, StoredResource? Existing)>();
            foreach (var (entry, index, request) in entries)
            {
                if (request.Method == "POST")
                {
                    var existing = string.IsNullOrWhiteSpace(request.IfNoneExist)
                        ? null
                        : operations.ExistingMatch(request.Type, request.IfNoneExist);
                    var id = existing?.Id ?? Guid.NewGuid().ToString("N")[..20];
                    plans[index] = (id, existing);
                    MapFullUrl(map, entry.FullUrl, request.Type + "/" + id);
                }
                else if (request.Method == "PUT" && request.Id is not null)
                {
                    MapFullUrl(map, entry.FullUrl, request.Type + "/" + request.Id);
                }
            }

            foreach (var (_, _, request) in entries)
            {
                if (request.Resource is not null)
                {
                    Rewrite(request.Resource, map);
                }
            }

            // 2. Run the entries in the order FHIR prescribes; each response goes back to its entry's position.
            foreach (var (entry, index, request) in entries.OrderBy(e => Array.IndexOf(MethodOrder, e.Request.Method)))
            {
                responses[index] = request.Method switch
                {
                    "DELETE" => Status(operations.Delete(scope, request.Type, request.Id!, access)),
                    "POST" => plans[index].Existing is { } found
                        ? Found(found, request.Resource!, access, describe)
                        : Entry(operations.Create(scope, request.Resource!, null, access, plans[index].Id), describe),
                    "PUT" => Entry(operations.Update(scope, request.Type, request.Id!, request.Resource!, request.IfMatch, access), describe),
                    _ => Get(request, access, describe),
                };
            }

            return 0;
        });

        return new Bundle { Type = Bundle.BundleType.TransactionResponse, Entry = responses.Select(r => r!).ToList() };
    }

    private Bundle Batch(Bundle bundle, AccessGrant access, Func<string, StoredResource, Bundle.ResponseComponent> describe)
    {
        var result = new Bundle { Type = Bundle.BundleType.BatchResponse };
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var entry = bundle.Entry[i];
            try
            {
                var request = Validate(entry, i);
                result.Entry.Add(operations.Store.Write(scope => request.Method switch
                {
                    "DELETE" => Status(operations.Delete(scope, request.Type, request.Id!, access)),
                    "POST" => Entry(operations.Create(scope, request.Resource!, request.IfNoneExist, access), describe),
                    "PUT" => Entry(operations.Update(scope, request.Type, request.Id!, request.Resource!, request.IfMatch, access), describe),
                    _ => Get(request, access, describe),
                }));
            }
            catch (FhirError error)
            {
                result.Entry.Add(new Bundle.EntryComponent
                {
                    Response = new Bundle.ResponseComponent { Status = StatusLine(error.Status), Outcome = error.ToOutcome() },
                });
            }
        }

        return result;
    }

    private Bundle.EntryComponent Found(StoredResource found, Resource incoming, AccessGrant access, Func<string, StoredResource, Bundle.ResponseComponent> describe)
    {
        access.DemandResource(incoming, 'c', operations.Store.FhirBase);
        return Entry(new OperationResult(HttpStatusCode.OK, found), describe);
    }

    private Bundle.EntryComponent Get(EntryRequest request, AccessGrant access, Func<string, StoredResource, Bundle.ResponseComponent> describe)
    {
        if (request.Id is not null)
        {
            return Entry(new OperationResult(HttpStatusCode.OK, operations.Read(request.Type, request.Id, access)), describe);
        }

        var url = request.Url;
        var query = url.Contains('?', StringComparison.Ordinal) ? url[url.IndexOf('?', StringComparison.Ordinal)..] : string.Empty;
        var confinedTo = access.Demand(request.Type, 's');
        var page = operations.Search.Search(request.Type, SearchEngine.ParseQuery(query), confinedTo);
        var searchset = SearchBundles.Searchset(request.Type, page, operations.Store.FhirBase);
        return new Bundle.EntryComponent { Resource = searchset, Response = new Bundle.ResponseComponent { Status = "200 OK" } };
    }

    private static Bundle.EntryComponent Entry(OperationResult result, Func<string, StoredResource, Bundle.ResponseComponent> describe) =>
        result.Stored is { } stored
            ? new Bundle.EntryComponent { Resource = stored.Resource, Response = describe(StatusLine(result.Status), stored) }
            : Status(result);

    private static Bundle.EntryComponent Status(OperationResult result) =>
        new() { Response = new Bundle.ResponseComponent { Status = StatusLine(result.Status) } };

    public static Bundle.ResponseComponent Response(string status, StoredResource stored, string fhirBase) => new()
    {
        Status = status,
        Location = $"{stored.Key}/_history/{stored.VersionId}",
        Etag = stored.ETag,
        LastModified = stored.Resource.Meta?.LastUpdated,
    };

    public static string StatusLine(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Created => "201 Created",
        HttpStatusCode.OK => "200 OK",
        HttpStatusCode.NoContent => "204 No Content",
        _ => ((int)status).ToString(CultureInfo.InvariantCulture),
    };

    private static void MapFullUrl(Dictionary<string, string> map, string? fullUrl, string reference)
    {
        if (!string.IsNullOrEmpty(fullUrl))
        {
            map[fullUrl] = reference;
        }
    }

    private static void Rewrite(Resource resource, Dictionary<string, string> map)
    {
        foreach (var reference in References.All(resource))
        {
            var value = reference.Reference;
            if (value is null)
            {
                continue;
            }

            if (map.TryGetValue(value, out var local))
            {
                reference.Reference = local;
            }
            else if (value.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase))
            {
                throw FhirError.BadRequest($"{resource.TypeName} refers to {value}, which is not a fullUrl in this transaction.");
            }
        }
    }

    private static EntryRequest Validate(Bundle.EntryComponent entry, int index)
    {
        var method = entry.Request?.Method?.ToString().ToUpperInvariant()
            ?? throw FhirError.BadRequest($"Entry {index} has no request.method.");
        var url = entry.Request.Url ?? throw FhirError.BadRequest($"Entry {index} has no request.url.");
        var path = url.Split('?')[0].Trim('/');
        var parts = path.Split('/');
        if (!ModelInfo.IsKnownResource(parts[0]))
        {
            throw FhirError.BadRequest($"Entry {index}: '{url}' does not name a resource type.");
        }

        var id = parts.Length > 1 ? parts[1] : null;
        if (method is "POST" or "PUT" && entry.Resource is null)
        {
            throw FhirError.BadRequest($"Entry {index}: {method} needs a resource.");
        }

        if (method == "POST" && entry.Resource!.TypeName != parts[0])
        {
            throw FhirError.BadRequest($"Entry {index}: the resource is a {entry.Resource.TypeName}, the URL names {parts[0]}.");
        }

        if (method is "PUT" or "DELETE" && id is null)
        {
            throw FhirError.BadRequest($"Entry {index}: conditional {method} is not supported; use Type/id.");
        }

        if (method is "PATCH" or "HEAD")
        {
            throw FhirError.BadRequest($"Entry {index}: {method} is not supported.");
        }

        return new EntryRequest(method, parts[0], id, entry.Resource, url, entry.Request.IfNoneExist, entry.Request.IfMatch);
    }

    private sealed record EntryRequest(string Method, string Type, string? Id, Resource? Resource, string Url, string? IfNoneExist, string? IfMatch);
}
