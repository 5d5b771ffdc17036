using System.Collections;
using System.Collections.Concurrent;
using Expression = System.Linq.Expressions.Expression;
using System.Reflection;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace EhrCodingAssist.Clinical.Ingest;

/// <summary>
/// Finds values that Firely's lenient (backwards-compatible) parse lets into a resource but whose typed getters throw
/// later: a code outside its value set or of the wrong JSON type (<c>"gender": "M"</c>, <c>"status": 5</c>), a decimal,
/// boolean or integer sent as the wrong JSON type, an instant that is no instant, and date/dateTime/time literals of
/// the wrong format. Callers skip such a resource and name it, or <see cref="Blank"/> the values (for the resources
/// they cannot do without, e.g. the Encounter under analysis).
/// </summary>
public static class UnreadableElements
{
    private static readonly ConcurrentDictionary<Type, Func<PrimitiveType, object?>?> Getters = new();

    /// <summary>The paths (e.g. <c>Patient.gender</c>, <c>Observation.component[1].value</c>) of the unreadable values.</summary>
    public static IReadOnlyList<string> Find(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var found = new List<string>();
        Walk(resource, resource.TypeName, (path, _) => found.Add(path));
        return found;
    }

    /// <summary>Clears every unreadable value in place (the element then reads as absent); returns their paths.</summary>
    public static IReadOnlyList<string> Blank(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var found = new List<string>();
        Walk(resource, resource.TypeName, (path, primitive) =>
        {
            found.Add(path);
            primitive.JsonValue = null;
        });
        return found;
    }

    private static void Walk(Base node, string path, Action<string, PrimitiveType> onUnreadable)
    {
        foreach (var (name, value) in node.EnumerateElements())
        {
            var childPath = path + "." + name;
            switch (value)
            {
                case Base child:
                    Visit(child, childPath, onUnreadable);
                    break;
                case IEnumerable list and not string:
                    var index = 0;
                    foreach (var item in list)
                    {
                        if (item is Base element)
                        {
                            Visit(element, $"{childPath}[{index}]", onUnreadable);
                        }

                        index++;
                    }

                    break;
            }
        }
    }

    private static void Visit(Base node, string path, Action<string, PrimitiveType> onUnreadable)
    {
        if (node is PrimitiveType primitive && !Readable(primitive))
        {
            onUnreadable(path, primitive);
        }

        // Contained resources, extensions and the primitive's own extensions are walked like any element.
        Walk(node, path, onUnreadable);
    }

    private static bool Readable(PrimitiveType primitive)
    {
        if (primitive.JsonValue is null)
        {
            return true;
        }

        var literal = primitive.JsonValue as string;
        switch (primitive)
        {
            case FhirDateTime:
                return literal is not null && FhirDateTime.IsValidValue(literal);
            case Date:
                return literal is not null && Date.IsValidValue(literal);
            case Time:
                return literal is not null && Time.IsValidValue(literal);
        }

        var type = primitive.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Code<>))
        {
            return literal is not null && EnumUtility.ParseLiteral(literal, type.GetGenericArguments()[0], false) is not null;
        }

        if (Getters.GetOrAdd(type, TypedGetter) is not { } getter)
        {
            return true;
        }

        try
        {
            _ = getter(primitive);
            return true;
        }
#pragma warning disable CA1031 // Any exception from a getter means the value cannot be read: that is what is being detected.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    // A compiled read of the primitive's typed Value property, the getter that throws on an unreadable literal.
    private static Func<PrimitiveType, object?>? TypedGetter(Type type)
    {
        var property = type.GetProperty("Value", BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        if (property?.GetMethod is null)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(PrimitiveType), "p");
        var body = Expression.Convert(Expression.Property(Expression.Convert(parameter, type), property), typeof(object));
        return Expression.Lambda<Func<PrimitiveType, object?>>(body, parameter).Compile();
    }
}
