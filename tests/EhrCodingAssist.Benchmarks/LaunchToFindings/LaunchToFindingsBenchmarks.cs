using System.Diagnostics;
using System.Net;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EhrCodingAssist.Sandbox.Hosting;

namespace EhrCodingAssist.Benchmarks.LaunchToFindings;

/// <summary>
/// The encounter page end to end against the sandbox EHR, with one encounter grown to about 2,000 resources:
/// the app's time from the SMART callback to the rendered findings page, against the bare parallel FHIR fetch of
/// the same searches (same process, same run). Reproduce: see docs/performance.md, "Launch to findings".
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MemoryDiagnoser]
public class LaunchToFindingsBenchmarks
{
    private const string EncounterId = "enc-aki";
    private SandboxInstance sandbox = null!;
    private HttpClient http = null!;
    private HttpClient fhir = null!;
    private string[] searches = [];
    private string callback = string.Empty;
    private Dictionary<string, string> cookies = [];

    /// <summary>Resources the grown encounter's patient holds.</summary>
    [Params(2000)]
    public int Resources { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            EhrUrl = "http://127.0.0.1:0",
            AppUrl = "http://127.0.0.1:0",
            ConsoleLogging = false,
            GrowEncounter = EncounterId,
            GrowTo = Resources,
        });
        http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        fhir = new HttpClient();
        fhir.DefaultRequestHeaders.Authorization = new("Bearer", sandbox.IssueAccessToken("user/*.rs"));
        fhir.DefaultRequestHeaders.Accept.ParseAdd("application/fhir+json");
        searches = await SearchesAsync();
    }

    /// <summary>Runs the launch up to (not including) the callback, so each measured call redeems a fresh code.</summary>
    [IterationSetup]
    public void PrepareLaunch()
    {
        cookies = [];
        var next = sandbox.Urls.LaunchLink(EncounterId, "cdi");
        while (!next.StartsWith(sandbox.Urls.AppBase + "/callback", StringComparison.Ordinal))
        {
            next = Redirect(Send(next));
        }

        callback = next;
    }

    /// <summary>GET /callback (token exchange, session) then GET / (snapshot load, rules, HTML), body read to the end.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> CallbackToRenderedFindings()
    {
        var home = Redirect(Send(callback));
        using var response = await http.SendAsync(WithCookies(new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(sandbox.Urls.AppBase), home))));
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains("class=\"finding", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The encounter page did not render findings (HTTP {(int)response.StatusCode}).");
        }

        return html.Length;
    }

    /// <summary>The same searches the app runs, in parallel, paging followed, with a bearer token and nothing else.</summary>
    [Benchmark]
    public async Task<int> BareParallelFhirFetch()
    {
        var counts = await Task.WhenAll(searches.Select(FetchAllPagesAsync));
        return counts.Sum();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// process working set {process.WorkingSet64 / (1024 * 1024)} MiB, managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MiB (sandbox EHR and app in one process)");
        http.Dispose();
        fhir.Dispose();
        await sandbox.DisposeAsync();
    }

    private async Task<int> FetchAllPagesAsync(string url)
    {
        var total = 0;
        string? next = url;
        while (next is not null)
        {
            using var document = JsonDocument.Parse(await fhir.GetStringAsync(new Uri(next)));
            var root = document.RootElement;
            if (root.GetProperty("resourceType").GetString() != "Bundle")
            {
                return total + 1;
            }

            total += root.TryGetProperty("entry", out var entries) ? entries.GetArrayLength() : 0;
            next = root.TryGetProperty("link", out var links)
                ? links.EnumerateArray().Where(l => l.GetProperty("relation").GetString() == "next").Select(l => l.GetProperty("url").GetString()).FirstOrDefault()
                : null;
        }

        return total;
    }

    private async Task<string[]> SearchesAsync()
    {
        var fhirBase = sandbox.Urls.FhirBase;
        using var encounter = JsonDocument.Parse(await fhir.GetStringAsync(new Uri($"{fhirBase}/Encounter/{EncounterId}")));
        var patient = encounter.RootElement.GetProperty("subject").GetProperty("reference").GetString()!.Split('/')[^1];
        var start = DateTimeOffset.Parse(encounter.RootElement.GetProperty("period").GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .AddDays(-7).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var count = "&_count=200";
        return
        [
            $"{fhirBase}/Encounter/{EncounterId}",
            $"{fhirBase}/Patient/{patient}",
            $"{fhirBase}/Condition?patient={patient}&encounter={EncounterId}{count}",
            $"{fhirBase}/Condition?patient={patient}&category=problem-list-item{count}",
            $"{fhirBase}/MedicationRequest?patient={patient}&encounter={EncounterId}&_include=MedicationRequest:medication{count}",
            $"{fhirBase}/Procedure?patient={patient}&encounter={EncounterId}{count}",
            $"{fhirBase}/DocumentReference?patient={patient}&encounter={EncounterId}{count}",
            $"{fhirBase}/Coverage?patient={patient}{count}",
            $"{fhirBase}/Claim?patient={patient}&encounter={EncounterId}{count}",
            $"{fhirBase}/Observation?patient={patient}&category=laboratory,vital-signs&date=ge{start}{count}",
        ];
    }

    private HttpResponseMessage Send(string url) =>
        http.Send(WithCookies(new HttpRequestMessage(HttpMethod.Get, new Uri(url))));

    private HttpRequestMessage WithCookies(HttpRequestMessage request)
    {
        // The app's cookies are Secure; HttpClient's container would not send them over loopback HTTP, a browser does.
        if (request.RequestUri!.AbsoluteUri.StartsWith(sandbox.Urls.AppBase, StringComparison.Ordinal) && cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
        }

        return request;
    }

    private string Redirect(HttpResponseMessage response)
    {
        using (response)
        {
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var pair in setCookies.Select(c => c.Split(';')[0].Split('=', 2)))
                {
                    cookies[pair[0]] = pair[1];
                }
            }

            var location = response.Headers.Location ?? throw new InvalidOperationException($"Expected a redirect, got HTTP {(int)response.StatusCode}.");
            return location.IsAbsoluteUri ? location.AbsoluteUri : new Uri(response.RequestMessage!.RequestUri!, location).AbsoluteUri;
        }
    }
}
