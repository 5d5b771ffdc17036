namespace EhrCodingAssist.Smart.Tokens;

/// <summary>Reads the fhirUser claim (absolute or relative URL) as a relative reference such as Practitioner/123.</summary>
public static class FhirUserReference
{
    private static readonly string[] UserTypes = ["Practitioner", "PractitionerRole", "Patient", "RelatedPerson", "Person"];

    /// <summary>The relative reference, or null when the value is not a user resource reference.</summary>
    public static string? TryParse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var path = Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri.AbsolutePath : value;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);

        // Skip a trailing _history/{vid}.
        if (parts.Length >= 4 && parts[^2] == "_history")
        {
            parts = parts[..^2];
        }

        if (parts.Length < 2 || !UserTypes.Contains(parts[^2], StringComparer.Ordinal)
            || !System.Text.RegularExpressions.Regex.IsMatch(parts[^1], "^[A-Za-z0-9\\-.]{1,64}$"))
        {
            return null;
        }

        return $"{parts[^2]}/{parts[^1]}";
    }
}
