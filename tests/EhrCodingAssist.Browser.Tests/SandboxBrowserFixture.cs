using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Reflection;
using EhrCodingAssist.Sandbox.Auth;
using EhrCodingAssist.Sandbox.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EhrCodingAssist.Browser.Tests;

/// <summary>
/// One sandbox EHR + app (free loopback ports, in-process) and one headless Debian Chromium, shared by a test class.
/// Playwright drives /usr/bin/chromium; it never downloads a browser.
/// </summary>
public sealed class SandboxBrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; .ci/run installs it with apt-get where it is missing.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public SandboxInstance Sandbox { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            EhrUrl = "http://127.0.0.1:0",
            AppUrl = "http://127.0.0.1:0",
            ConsoleLogging = false,
        });
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// Every access and refresh token the sandbox has issued so far, read from its in-process store.
    /// </summary>
    public IReadOnlyList<string> IssuedTokens()
    {
        var store = Sandbox.Ehr.Services.GetRequiredService<AuthStore>();
        return new[] { "_accessTokens", "_refreshTokens" }
            .Select(name => typeof(AuthStore).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(store))
            .OfType<ConcurrentDictionary<string, TokenGrant>>()
            .SelectMany(tokens => tokens.Keys)
            .ToList();
    }

    /// <summary>Launches the app from the sandbox as the coder for the encounter and opens the coder workbench.</summary>
    public async Task<IPage> OpenWorkbenchAsCoderAsync(IBrowserContext context, string encounterId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Sandbox.Urls.LaunchLink(encounterId, "coder"));
        await page.WaitForURLAsync(Sandbox.Urls.AppBase + "/");
        await page.GotoAsync(Sandbox.Urls.AppBase + "/coding");
        return page;
    }

    /// <summary>An HTTP client on the sandbox's FHIR base with a full-access token (to seed and to check what was written).</summary>
    public HttpClient FhirClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(Sandbox.Urls.FhirBase + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sandbox.IssueAccessToken());
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        return client;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
    }
}
