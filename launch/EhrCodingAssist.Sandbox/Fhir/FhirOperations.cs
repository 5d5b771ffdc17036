using System.Net;
using EhrCodingAssist.Sandbox.Auth;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>The outcome of one interaction: its status and the resource version it produced or found.</summary>
internal sealed record OperationResult(HttpStatusCode Status, StoredResource? Stored);

/// <summary>
/// Create, conditional create, update with If-Match, delete and read, each checked against the caller's grant.
/// The write methods run inside a <see cref="ResourceStore.WriteScope"/>, so a transaction can compose them.
/// </summary>
internal sealed class FhirOperations(ResourceStore store, SearchEngine search)
{
    public ResourceStore Store => store;

    public SearchEngine Search => search;

    /// <summary>Create; with <paramref name="ifNoneExist"/>, returns the single existing match instead (200), or 412 on several.</summary>
    public OperationResult Create(ResourceStore.WriteScope scope, Resource resource, string? ifNoneExist, AccessGrant access, string? assignedId = null)
    {
        access.DemandResource(resource, 'c', store.FhirBase);
        if (!string.IsNullOrWhiteSpace(ifNoneExist))
        {
            var existing = ExistingMatch(resource.TypeName, ifNoneExist);
            if (existing is not null)
            {
                return new OperationResult(HttpStatusCode.OK, existing);
            }
        }

        return new OperationResult(HttpStatusCode.Created, scope.Create(resource, assignedId));
    }

    /// <summary>The one resource matching a conditional create's criteria, null for none, 412 for several.</summary>
    public StoredResource? ExistingMatch(string type, string ifNoneExist)
    {
        var matches = search.FindMatches(type, ifNoneExist);
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw FhirError.PreconditionFailed($"If-None-Exist matched {matches.Count} {type} resources."),
        };
    }

    /// <summary>Update (or create with the client's id); <paramref name="ifMatch"/> is an ETag such as W/"3".</summary>
    public OperationResult Update(ResourceStore.WriteScope scope, string type, string id, Resource resource, string? ifMatch, AccessGrant access)
    {
        if (resource.TypeName != type)
        {
            throw FhirError.BadRequest($"The body is a {resource.TypeName}, the URL names {type}.");
        }

        if (resource.Id != id)
        {
            throw FhirError.BadRequest($"The body's id '{resource.Id}' does not match the URL's id '{id}'.");
        }

        var current = store.Read(type, id, out _);
        if (current is not null)
        {
            access.DemandResource(current.Resource, 'u', store.FhirBase);
        }

        access.DemandResource(resource, current is null ? 'c' : 'u', store.FhirBase);
        var (stored, created) = scope.Put(resource, id, ParseETag(ifMatch));
        return new OperationResult(created ? HttpStatusCode.Created : HttpStatusCode.OK, stored);
    }

    public OperationResult Delete(ResourceStore.WriteScope scope, string type, string id, AccessGrant access)
    {
        if (store.Read(type, id, out _) is { } current)
        {
            access.DemandResource(current.Resource, 'd', store.FhirBase);
        }
        else
        {
            access.Demand(type, 'd');
        }

        scope.Delete(type, id);
        return new OperationResult(HttpStatusCode.NoContent, null);
    }

    public StoredResource Read(string type, string id, AccessGrant access)
    {
        var stored = store.Read(type, id, out var deleted);
        if (stored is null)
        {
            throw deleted ? FhirError.Gone($"{type}/{id} was deleted.") : FhirError.NotFound($"{type}/{id} is not known.");
        }

        access.DemandResource(stored.Resource, 'r', store.FhirBase);
        return stored;
    }

    /// <summary>The version number inside an ETag: W/"3" → 3; null when no If-Match was sent.</summary>
    public static string? ParseETag(string? etag)
    {
        if (string.IsNullOrWhiteSpace(etag))
        {
            return null;
        }

        var value = etag.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Trim('"');
    }
}
