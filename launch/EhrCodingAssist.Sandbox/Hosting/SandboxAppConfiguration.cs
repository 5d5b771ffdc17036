using System.Text.Json;
using System.Text.Json.Nodes;

namespace EhrCodingAssist.Sandbox.Hosting;

/// <summary>
/// The settings the sandbox gives the in-process app so that it trusts this EHR at these addresses. The app's
/// allow-list comes from smart-config/*.json, whose sandbox.json names http://127.0.0.1:5100/fhir; when the
/// sandbox runs elsewhere (tests on free ports), a private copy of sandbox.json with the actual issuer,
/// redirect URI and an absolute key path is written to a temporary folder and given as Smart:ConfigDirectory.
/// </summary>
internal static class SandboxAppConfiguration
{
    public const string ConfigDirectoryKey = "Smart:ConfigDirectory";

    public static (Dictionary<string, string?> Settings, DirectoryInfo? TempFolder) Prepare(SandboxUrls urls)
    {
        var settings = new Dictionary<string, string?> { ["Urls"] = urls.AppBase };
        SandboxCodingData.Add(settings);
        var registration = FindRepositoryFile(Path.Combine("smart-config", "sandbox.json"));
        if (registration is null)
        {
            return (settings, null);
        }

        var json = JsonNode.Parse(File.ReadAllText(registration))!.AsObject();
        var matches = json["issuers"]?.AsArray().Any(i => i?.GetValue<string>() == urls.FhirBase) == true &&
            json["redirect_uri"]?.GetValue<string>() == urls.RedirectUris[0] &&
            json["client_id"]?.GetValue<string>() == urls.ClientId;
        if (matches)
        {
            return (settings, null);
        }

        json["issuers"] = new JsonArray(urls.FhirBase);
        json["redirect_uri"] = urls.RedirectUris[0];
        json["client_id"] = urls.ClientId;
        if (json["client_auth"]?["private_key_file"]?.GetValue<string>() is { } keyFile)
        {
            json["client_auth"]!["private_key_file"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(registration)!, keyFile));
        }

        var folder = Directory.CreateTempSubdirectory("ehrcodingassist-sandbox-smart-");
        File.WriteAllText(Path.Combine(folder.FullName, "sandbox.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        settings[ConfigDirectoryKey] = folder.FullName;
        return (settings, folder);
    }

    /// <summary>A file under the repository root (found by walking up to EhrCodingAssist.sln from the working or base directory).</summary>
    private static string? FindRepositoryFile(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EhrCodingAssist.sln")))
                {
                    var candidate = Path.Combine(dir.FullName, relative);
                    return File.Exists(candidate) ? candidate : null;
                }
            }
        }

        return null;
    }
}
