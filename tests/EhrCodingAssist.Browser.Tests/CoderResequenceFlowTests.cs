using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace EhrCodingAssist.Browser.Tests;

/// <summary>A coder reorders and removes diagnoses: a line's diagnosis pointer keeps naming the same code, or is dropped with a notice.</summary>
public sealed class CoderResequenceFlowTests(SandboxBrowserFixture fixture) : IClassFixture<SandboxBrowserFixture>
{
    [Fact]
    public async Task Coder_AddsLinePointingToSecondDiagnosis_ReordersAndRemoves_PointerFollowsTheCode()
    {
        // The seeded pneumonia admission documents J18.9; a second documented diagnosis gives the coder two to order.
        using var fhir = FhirClient();
        using (var posted = await fhir.PostAsync("Condition", new StringContent("""
            {"resourceType":"Condition","subject":{"reference":"Patient/pat-pna"},"encounter":{"reference":"Encounter/enc-pna"},
             "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
             "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}],
             "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"E66.01","display":"Morbid (severe) obesity due to excess calories"}]}}
            """, Encoding.UTF8, "application/fhir+json")))
        {
            posted.EnsureSuccessStatusCode();
        }

        // Date the stay in FY2025, the code set the sandbox's app ships.
        var encounter = JsonNode.Parse(await fhir.GetStringAsync("Encounter/enc-pna"))!;
        encounter["period"] = new JsonObject { ["start"] = "2025-03-10T08:00:00Z" };
        using (var put = await fhir.PutAsync("Encounter/enc-pna", new StringContent(encounter.ToJsonString(), Encoding.UTF8, "application/fhir+json")))
        {
            put.EnsureSuccessStatusCode();
        }

        await using var context = await fixture.Browser.NewTestContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Sandbox.Urls.LaunchLink("enc-pna", "coder"));
        await page.WaitForURLAsync(fixture.Sandbox.Urls.AppBase + "/");
        await page.GotoAsync(fixture.Sandbox.Urls.AppBase + "/coding");

        // Make J18.9 principal so E66.01 is second, then point a line at E66.01.
        await Assertions.Expect(Row(page, "E66.01")).ToBeVisibleAsync();
        await Submit(page, Row(page, "J18.9").Locator("[data-testid=make-principal]"));
        await Assertions.Expect(Row(page, "E66.01")).ToHaveAttributeAsync("data-sequence", "2");
        await page.Locator("[data-testid=line-code]").FillAsync("99223");
        await page.Locator("[data-testid=line-system]").SelectOptionAsync("cpt");
        await page.Locator("[data-testid=line-pointers]").FillAsync("2");
        await Submit(page, page.Locator("[data-testid=line-add]"));
        var pointer = page.Locator("[data-testid=line] [data-testid=pointer]");
        await Assertions.Expect(pointer).ToHaveCountAsync(1);
        await Assertions.Expect(pointer).ToHaveAttributeAsync("data-code", "E66.01");
        await Assertions.Expect(pointer).ToHaveAttributeAsync("data-sequence", "2");

        // Reorder: E66.01 becomes principal; the pointer follows it to sequence 1.
        await Submit(page, Row(page, "E66.01").Locator("[data-testid=make-principal]"));
        await Assertions.Expect(Row(page, "E66.01")).ToHaveAttributeAsync("data-sequence", "1");
        await Assertions.Expect(pointer).ToHaveAttributeAsync("data-code", "E66.01");
        await Assertions.Expect(pointer).ToHaveAttributeAsync("data-sequence", "1");

        // Remove it: the pointer is dropped (never re-targeted to J18.9) and the coder is told.
        await Submit(page, page.GetByRole(AriaRole.Button, new() { Name = "Remove E66.01" }));
        await Assertions.Expect(Row(page, "E66.01")).ToHaveCountAsync(0);
        await Assertions.Expect(pointer).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Line 1 (99223) no longer points to E66.01");
    }

    private static ILocator Row(IPage page, string code) => page.Locator($"[data-testid=diagnosis][data-code='{code}']");

    // Every form posts and ends on a freshly rendered page (after a redirect): wait for that page, not a load state.
    private static Task Submit(IPage page, ILocator button) => FormPost.SubmitAsync(page, button);

    private HttpClient FhirClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(fixture.Sandbox.Urls.FhirBase + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Sandbox.IssueAccessToken());
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        return client;
    }
}
