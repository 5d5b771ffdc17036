using System.Net;
using EhrCodingAssist.Sandbox.Hosting;

namespace EhrCodingAssist.Sandbox.Tests.Launch;

/// <summary>
/// The sandbox with the real app in-process on free ports: a launch link runs the whole EHR launch (app →
/// authorize → callback → token with private_key_jwt against the app's JWKS) and lands on the app's page.
/// </summary>
public sealed class AppLaunchTests
{
    [Fact]
    public async Task LaunchLink_WithAppOnFreePorts_EndsOnAppPageForThePatient()
    {
        var data = Directory.CreateTempSubdirectory("sandbox-app-data-");
        try
        {
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions
            {
                EhrUrl = "http://127.0.0.1:0",
                AppUrl = "http://127.0.0.1:0",
                ConsoleLogging = false,
                AppConfiguration = new Dictionary<string, string?> { ["Database:DataFolder"] = data.FullName },
            });
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

            var (finalUrl, response) = await FollowAsync(client, new Uri(sandbox.Urls.LaunchLink("enc-sepsis", "cdi")));

            using (response)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.StartsWith(sandbox.Urls.AppBase + "/", finalUrl.ToString(), StringComparison.Ordinal);
                Assert.Contains("Brennan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        finally
        {
            try
            {
                data.Delete(recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file briefly; the temp folder is harmless.
            }
        }
    }

    /// <summary>
    /// Follows redirects like a browser, keeping cookies per host. HttpClient's cookie container never sends
    /// Secure cookies over http, while browsers do for 127.0.0.1 (a trustworthy origin), so this keeps its own jar.
    /// </summary>
    private static async Task<(Uri Url, HttpResponseMessage Response)> FollowAsync(HttpClient client, Uri url)
    {
        var jar = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        for (var hop = 0; hop < 12; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (jar.TryGetValue(url.Authority, out var cookies) && cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await client.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                var hostJar = jar.TryGetValue(url.Authority, out var existing) ? existing : jar[url.Authority] = new(StringComparer.Ordinal);
                foreach (var pair in setCookies.Select(c => c.Split(';')[0].Split('=', 2)))
                {
                    hostJar[pair[0].Trim()] = pair.Length > 1 ? pair[1] : string.Empty;
                }
            }

            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is null)
            {
                return (url, response);
            }

            url = new Uri(url, response.Headers.Location);
            response.Dispose();
        }

        throw new InvalidOperationException("Too many redirects.");
    }
}
