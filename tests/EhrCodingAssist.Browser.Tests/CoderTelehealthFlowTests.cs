using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace EhrCodingAssist.Browser.Tests;

[Collection(CoderFlows.Name)]
public sealed class CoderTelehealthFlowTests(SandboxBrowserFixture fixture)
{
    private const string PlaceOfServiceSystem = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";

    [Fact]
    public async Task Coder_TelehealthVisit_SetsPosAndModifier_EditClears_ClaimCarriesPlaceOfService()
    {
        // The sandbox seeds enc-tele: a video visit (class VR) from the patient's home with hypertension (I10) and CPT 99214.
        await using var context = await fixture.Browser.NewTestContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await fixture.OpenWorkbenchAsCoderAsync(context, "enc-tele");

        // A virtual visit starts without a place of service: 02 or 10 depends on where the patient was.
        var pos = page.GetByLabel("Place of service of the claim's lines (CMS code)");
        await Assertions.Expect(pos).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.Locator("[data-testid=diagnosis][data-code='I10']")).ToBeVisibleAsync();

        await page.Locator("[data-testid=line-code]").FillAsync("99214");
        await page.Locator("[data-testid=line-pointers]").FillAsync("1");
        await FormPost.SubmitAsync(page, page.Locator("[data-testid=line-add]"));
        var telehealth = page.Locator("[data-testid=edits] li[data-rule='edit.telehealth']");
        await Assertions.Expect(telehealth).ToHaveCountAsync(2);
        await Assertions.Expect(telehealth.First).ToContainTextAsync("place of service");

        // Keyboard only: focus the select, pick 10 (patient at home), save with Enter on the button.
        await pos.FocusAsync();
        await pos.SelectOptionAsync("10");
        await page.Locator("[data-testid=set-pos]").FocusAsync();
        await FormPost.SubmitAsync(page, () => page.Keyboard.PressAsync("Enter"));
        await Assertions.Expect(pos).ToHaveValueAsync("10");
        await Assertions.Expect(telehealth).ToHaveCountAsync(1);
        await Assertions.Expect(telehealth).ToContainTextAsync("modifier");

        var line = page.Locator("[data-testid=line]");
        await line.GetByLabel("Modifiers of line 1").FillAsync("95");
        await FormPost.SubmitAsync(page, line.Locator("[data-testid=set-modifiers]"));
        await Assertions.Expect(line.GetByLabel("Modifiers of line 1")).ToHaveValueAsync("95");
        await Assertions.Expect(telehealth).ToHaveCountAsync(0);
        Assert.Empty(await page.Locator("[data-testid=edits] li.blocking").AllInnerTextsAsync());

        await FormPost.SubmitAsync(page, page.Locator("[data-testid=finalize]"));
        await Assertions.Expect(page.Locator("[data-testid=finalize-outcome]")).ToHaveAttributeAsync("data-status", "written");

        using var fhir = fixture.FhirClient();
        var found = JsonNode.Parse(await fhir.GetStringAsync("Claim?patient=pat-tele"))!;
        var claim = Assert.Single(found["entry"]!.AsArray().Select(e => e!["resource"]!));
        Assert.Equal("professional", (string?)claim["type"]!["coding"]![0]!["code"]);
        var item = Assert.Single(claim["item"]!.AsArray())!;
        Assert.Equal("99214", (string?)item["productOrService"]!["coding"]![0]!["code"]);
        Assert.Equal("95", (string?)item["modifier"]![0]!["coding"]![0]!["code"]);
        var location = item["locationCodeableConcept"]!["coding"]![0]!;
        Assert.Equal(PlaceOfServiceSystem, (string?)location["system"]);
        Assert.Equal("10", (string?)location["code"]);
    }
}
