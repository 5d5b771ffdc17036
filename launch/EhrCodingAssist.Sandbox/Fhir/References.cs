using System.Collections;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>Finds and normalises the references inside a resource.</summary>
internal static class References
{
    /// <summary>Every <see cref="ResourceReference"/> anywhere in the element tree (contained resources included).</summary>
    public static IEnumerable<ResourceReference> All(Base root)
    {
        var stack = new Stack<Base>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is ResourceReference reference)
            {
                yield return reference;
            }

            foreach (var (_, value) in node.EnumerateElements())
            {
                if (value is Base child)
                {
                    stack.Push(child);
                }
                else if (value is IEnumerable list and not string)
                {
                    foreach (var item in list)
                    {
                        if (item is Base listed)
                        {
                            stack.Push(listed);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// "Type/id" for a local reference: relative, or absolute under <paramref name="fhirBase"/>, with any
    /// _history suffix dropped. Null for contained, urn, conditional or foreign references.
    /// </summary>
    public static string? Local(string? reference, string fhirBase)
    {
        if (string.IsNullOrEmpty(reference) || reference.StartsWith('#') || reference.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var value = reference;
        if (value.Contains("://", StringComparison.Ordinal))
        {
            var prefix = fhirBase.TrimEnd('/') + "/";
            if (!value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            value = value[prefix.Length..];
        }
        else if (value.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = value.Split('/');
        if (parts.Length < 2 || !ModelInfo.IsKnownResource(parts[0]) || parts[1].Length == 0)
        {
            return null;
        }

        return parts[0] + "/" + parts[1];
    }

    /// <summary>Patient ids this resource belongs to (itself if a Patient, or any Patient it references).</summary>
    public static HashSet<string> PatientCompartment(Resource resource, string fhirBase)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (resource is Patient && resource.Id is { } own)
        {
            ids.Add(own);
        }

        foreach (var reference in All(resource))
        {
            if (Local(reference.Reference, fhirBase) is { } local && local.StartsWith("Patient/", StringComparison.Ordinal))
            {
                ids.Add(local["Patient/".Length..]);
            }
        }

        return ids;
    }
}
