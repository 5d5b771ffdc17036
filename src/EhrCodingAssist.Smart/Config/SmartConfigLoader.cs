using System.Text.Json;
using System.Text.Json.Serialization;

namespace EhrCodingAssist.Smart.Config;

/// <summary>Loads and validates every <c>*.json</c> registration in a smart-config folder.</summary>
public static class SmartConfigLoader
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    /// <summary>
    /// Loads all registrations of <paramref name="directory"/>; throws <see cref="SmartConfigException"/> naming
    /// the file and field at the first problem. <paramref name="environment"/> resolves secret references
    /// (defaults to the process environment).
    /// </summary>
    public static IReadOnlyList<SmartRegistration> Load(string directory, Func<string, string?>? environment = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new SmartConfigException(directory, "(folder)", "the smart-config folder does not exist");
        }

        environment ??= Environment.GetEnvironmentVariable;
        var result = new List<SmartRegistration>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var registration = Parse(file);
            SmartRegistrationValidator.Validate(registration, environment);
            result.Add(registration);
        }

        SmartRegistrationValidator.ValidateSet(result);
        return result;
    }

    /// <summary>Parses one file without validation beyond JSON shape.</summary>
    public static SmartRegistration Parse(string file)
    {
        var name = Path.GetFileName(file);
        try
        {
            using var stream = File.OpenRead(file);
            var registration = JsonSerializer.Deserialize<SmartRegistration>(stream, JsonOptions)
                ?? throw new SmartConfigException(name, "(root)", "the file holds null");
            return registration with { SourceFile = Path.GetFullPath(file) };
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "(root)" : ex.Path.TrimStart('$', '.');
            throw new SmartConfigException(name, field, ex.Message, ex);
        }
    }
}
