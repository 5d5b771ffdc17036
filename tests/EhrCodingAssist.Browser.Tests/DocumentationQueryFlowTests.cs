using System.Text.Json.Nodes;
using EhrCodingAssist.Sandbox.Fhir;
using EhrCodingAssist.Sandbox.Hosting;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EhrCodingAssist.Browser.Tests;

/// <summary>
/// The sandbox and app for the query flow, with a temp store and US Core 6.1.0 validation. The app's registration is
/// smart-config/sandbox.json plus <c>patient/Provenance.c</c>, which the write-back needs for its Provenance (until
/// the committed registration carries it).
/// </summary>
public sealed class DocumentationQuerySandboxFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("ehrca-query-flow-");
    private IPlaywright? _playwright;

    public SandboxInstance Sandbox { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async System.Threading.Tasks.Task InitializeAsync()
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repo.FullName, "EhrCodingAssist.sln")))
        {
            repo = repo.Parent ?? throw new InvalidOperationException("EhrCodingAssist.sln not found");
        }

        var ehrUrl = FreePort.Resolve("http://127.0.0.1:0");
        var appUrl = FreePort.Resolve("http://127.0.0.1:0");
        var registration = JsonNode.Parse(File.ReadAllText(Path.Combine(repo.FullName, "smart-config", "sandbox.json")))!.AsObject();
        registration["issuers"] = new JsonArray(ehrUrl + "/fhir");
        registration["redirect_uri"] = appUrl + "/callback";
        registration["client_auth"]!["private_key_file"] = Path.Combine(repo.FullName, "smart-config", registration["client_auth"]!["private_key_file"]!.GetValue<string>());
        var scopes = registration["scopes"]!.GetValue<string>();
        registration["scopes"] = scopes.Contains("patient/Provenance.c", StringComparison.Ordinal) ? scopes : scopes + " patient/Provenance.c";
        File.WriteAllText(Path.Combine(_temp.FullName, "sandbox.json"), registration.ToJsonString());

        Sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            EhrUrl = ehrUrl,
            AppUrl = appUrl,
            ConsoleLogging = false,
            AppConfiguration = new Dictionary<string, string?>
            {
                ["Smart:ConfigDirectory"] = _temp.FullName,
                ["Database:ConnectionString"] = $"Data Source={Path.Combine(_temp.FullName, "app.db")};Pooling=False",
                ["Validation:UsCorePath"] = Path.GetFullPath(Path.Combine(repo.FullName, "..", "shared", "data", "us-core", "6.1.0")),
            },
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = SandboxBrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async System.Threading.Tasks.Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        try
        {
            _temp.Delete(recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly.
        }
    }
}

public sealed class DocumentationQueryFlowTests(DocumentationQuerySandboxFixture fixture) : IClassFixture<DocumentationQuerySandboxFixture>
{
    private const string IdempotencySystem = "urn:ehrcodingassist:query-answer";

    [Fact]
    public async System.Threading.Tasks.Task CdiSendsPhysicianAnswers_ConditionAndProvenanceOnSandbox()
    {
        var urls = fixture.Sandbox.Urls;

        // CDI specialist: launched for the AKI encounter, sends the AKI query to the attending as proposed.
        await using var cdiContext = await fixture.Browser.NewTestContextAsync();
        var cdi = await cdiContext.NewPageAsync();
        await cdi.GotoAsync(urls.LaunchLink("enc-aki", "cdi"));
        await cdi.WaitForURLAsync(urls.AppBase + "/");
        await cdi.GotoAsync(urls.AppBase + "/queries");
        var finding = cdi.Locator("article[data-rule='aki-kdigo']");
        await Assertions.Expect(finding).ToBeVisibleAsync();
        await Assertions.Expect(finding.Locator("[data-testid='impact']")).ToContainTextAsync("MCC");
        await finding.GetByRole(AriaRole.Button, new() { Name = "Send query" }).ClickAsync();
        await Assertions.Expect(cdi.Locator("[data-testid='notice']")).ToHaveTextAsync("Query sent.");

        // Physician: launched for the same encounter, sees one open query without financial fields, answers N17.9.
        await using var physicianContext = await fixture.Browser.NewTestContextAsync();
        var physician = await physicianContext.NewPageAsync();
        await physician.GotoAsync(urls.LaunchLink("enc-aki", "physician"));
        await physician.WaitForURLAsync(urls.AppBase + "/");
        await physician.GotoAsync(urls.AppBase + "/queries");
        await Assertions.Expect(physician.Locator("[data-testid='open-count']")).ToContainTextAsync("1 open query");
        Assert.DoesNotContain("MCC", await physician.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var query = physician.Locator("article[data-query]");
        await query.Locator("input[type='radio'][value='N17.9']").CheckAsync();
        await query.GetByRole(AriaRole.Button, new() { Name = "Answer" }).ClickAsync();
        await Assertions.Expect(physician.Locator("[data-testid='notice']")).ToContainTextAsync("added to the chart");

        // The sandbox's FHIR store now holds the Condition (by its idempotency key) and a Provenance targeting it.
        var store = fixture.Sandbox.Ehr.Services.GetRequiredService<ResourceStore>();
        var condition = Assert.Single(
            store.List("Condition").Select(s => s.Resource).OfType<Condition>(),
            c => c.Identifier.Any(i => i.System == IdempotencySystem));
        Assert.Equal("N17.9", condition.Code!.Coding.Single().Code);
        Assert.Equal("Encounter/enc-aki", condition.Encounter!.Reference);
        Assert.Equal("Practitioner/sandbox-physician", condition.Asserter!.Reference);
        Assert.Contains(condition.Meta!.Security, s => s.Code == "AIAST");
        var provenance = Assert.Single(
            store.List("Provenance").Select(s => s.Resource).OfType<Provenance>(),
            p => p.Target.Any(t => t.Reference == "Condition/" + condition.Id));
        Assert.Contains(provenance.Agent, a => a.Who?.Reference == "Practitioner/sandbox-cdi");

        // The CDI view shows what was written.
        await cdi.GotoAsync(urls.AppBase + "/queries");
        await Assertions.Expect(cdi.Locator("[data-testid='write-status']").First).ToContainTextAsync("Condition/" + condition.Id);
    }
}
