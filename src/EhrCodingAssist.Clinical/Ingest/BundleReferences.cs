using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Ingest;

/// <summary>Rewrites a Bundle's urn:uuid (and absolute) fullUrl references into "Type/id" references.</summary>
internal static class BundleReferences
{
    /// <summary>
    /// Returns the bundle's resources (OperationOutcome search outcomes left out) with every reference to an
    /// entry's fullUrl rewritten in place to "Type/id"; an entry resource without id takes the uuid as its id.
    /// </summary>
    public static List<Resource> Resolve(Bundle bundle)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var resources = new List<Resource>(bundle.Entry.Count);
        foreach (var entry in bundle.Entry)
        {
            var resource = entry.Resource;
            if (resource is null || (resource is OperationOutcome && entry.Search?.Mode == Bundle.SearchEntryMode.Outcome))
            {
                continue;
            }

            var fullUrl = entry.FullUrl;
            if (string.IsNullOrEmpty(resource.Id) && fullUrl is not null
                && fullUrl.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase))
            {
                resource.Id = fullUrl["urn:uuid:".Length..];
            }

            var key = ReferenceKey.Of(resource);
            if (fullUrl is not null && key is not null && fullUrl != key)
            {
                map[fullUrl] = key;
            }

            resources.Add(resource);
        }

        if (map.Count > 0)
        {
            foreach (var resource in resources)
            {
                Rewrite(resource, map);
            }
        }

        return resources;
    }

    private static void Rewrite(Base node, Dictionary<string, string> map)
    {
        if (node is ResourceReference reference && reference.Reference is { } value
            && map.TryGetValue(value, out var rewritten))
        {
            reference.Reference = rewritten;
        }

        foreach (var element in node.EnumerateElements())
        {
            switch (element.Value)
            {
                case PrimitiveType:
                    break;
                case Base child:
                    Rewrite(child, map);
                    break;
                case IEnumerable<Base> children:
                    foreach (var child in children)
                    {
                        if (child is not PrimitiveType)
                        {
                            Rewrite(child, map);
                        }
                    }

                    break;
            }
        }
    }
}
