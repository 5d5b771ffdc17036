using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace EhrCodingAssist.Browser.Tests;

[Collection(CoderFlows.Name)]
public sealed class CoderWorkbenchFlowTests(SandboxBrowserFixture fixture)
{
    [Fact]
    public async Task Coder_AcceptsSequencesAddsHcpcsAndFinalises_ClaimOnSandboxWithSequenceAndPointers()
    {
        // The pneumonia admission gets a documented obesity diagnosis and a BMI of 42.1, so the BMI-code rule suggests Z68.41
        // (every code here is in the shipped FY2025 starter set, which is what the sandbox's app loads). The admission is the
        // sandbox's "now": its fiscal year has no release loaded, so the codes are checked against FY2025 with one warning.
        using var fhir = fixture.FhirClient();
        var admitted = DateTimeOffset.Parse((string)JsonNode.Parse(await fhir.GetStringAsync("Encounter/enc-pna"))!["period"]!["start"]!, CultureInfo.InvariantCulture);
        var fiscalYear = admitted.Month >= 10 ? admitted.Year + 1 : admitted.Year;
        await PostAsync(fhir, "Observation", $$$"""
            {"resourceType":"Observation","status":"final","subject":{"reference":"Patient/pat-pna"},"encounter":{"reference":"Encounter/enc-pna"},
             "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
             "code":{"coding":[{"system":"http://loinc.org","code":"39156-5","display":"Body mass index (BMI) [Ratio]"}]},
             "effectiveDateTime":"{{{admitted.AddHours(1).ToString("o", CultureInfo.InvariantCulture)}}}","valueQuantity":{"value":42.1,"unit":"kg/m2","system":"http://unitsofmeasure.org","code":"kg/m2"}}
            """);
        await PostAsync(fhir, "Condition", """
            {"resourceType":"Condition","subject":{"reference":"Patient/pat-pna"},"encounter":{"reference":"Encounter/enc-pna"},
             "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
             "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}],
             "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"E66.01","display":"Morbid (severe) obesity due to excess calories"}]}}
            """);

        await using var context = await fixture.Browser.NewTestContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await fixture.OpenWorkbenchAsCoderAsync(context, "enc-pna");

        var codeSetWarning = page.Locator("[data-testid=code-set-warning]");
        await Assertions.Expect(codeSetWarning).ToHaveCountAsync(1);
        await Assertions.Expect(codeSetWarning).ToHaveAttributeAsync("data-blocking", "false");
        await Assertions.Expect(codeSetWarning).ToContainTextAsync($"ICD-10-CM FY{fiscalYear} is not loaded: codes are checked against ICD-10-CM FY2025");
        Assert.Empty(await page.Locator("[data-testid=edits] li[data-rule='edit.code-set-year']").AllInnerTextsAsync());

        var suggestion = page.Locator("[data-testid=suggestion][data-code='Z68.41']");
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        await FormPost.SubmitAsync(page, suggestion.Locator("[data-testid=accept]"));
        await Assertions.Expect(page.Locator("[data-testid=diagnosis][data-code='Z68.41']")).ToBeVisibleAsync();

        await FormPost.SubmitAsync(page, Row(page, "E66.01").Locator("[data-testid=make-principal]"));
        await Assertions.Expect(Row(page, "E66.01")).ToHaveAttributeAsync("data-sequence", "1");
        await FormPost.SubmitAsync(page, Row(page, "J18.9").Locator("[data-testid=make-principal]"));
        await Assertions.Expect(Row(page, "J18.9")).ToHaveAttributeAsync("data-sequence", "1");
        foreach (var (code, poa) in new[] { ("J18.9", "Y"), ("E66.01", "Y"), ("Z68.41", "1") })
        {
            await Row(page, code).Locator("[data-testid=poa]").SelectOptionAsync(poa);
            await FormPost.SubmitAsync(page, Row(page, code).Locator("[data-testid=set-poa]"));
        }

        await page.Locator("[data-testid=line-code]").FillAsync("J0696");
        await page.Locator("[data-testid=line-system]").SelectOptionAsync("hcpcs");
        await page.Locator("[data-testid=line-units]").FillAsync("4");
        await page.Locator("[data-testid=line-pointers]").FillAsync("1");
        await FormPost.SubmitAsync(page, page.Locator("[data-testid=line-add]"));
        await Assertions.Expect(page.Locator("[data-testid=line]")).ToHaveCountAsync(1);
        Assert.Empty(await page.Locator("[data-testid=edits] li.blocking").AllInnerTextsAsync());

        await FormPost.SubmitAsync(page, page.Locator("[data-testid=finalize]"));
        await Assertions.Expect(page.Locator("[data-testid=finalize-outcome]")).ToHaveAttributeAsync("data-status", "written");
        await Assertions.Expect(page.Locator("[data-testid=finalize-outcome]")).ToContainTextAsync("checked against ICD-10-CM FY2025");
        await Assertions.Expect(page.Locator("[data-testid=code-set-warning]")).ToHaveCountAsync(1);

        var found = JsonNode.Parse(await fhir.GetStringAsync("Claim?patient=pat-pna"))!;
        var claim = Assert.Single(found["entry"]!.AsArray().Select(e => e!["resource"]!));
        var diagnoses = claim["diagnosis"]!.AsArray();
        Assert.Equal("J18.9", (string?)diagnoses[0]!["diagnosisCodeableConcept"]!["coding"]![0]!["code"]);
        Assert.Equal(1, (int)diagnoses[0]!["sequence"]!);
        Assert.Equal("principal", (string?)diagnoses[0]!["type"]![0]!["coding"]![0]!["code"]);
        Assert.Contains(diagnoses, d => (string?)d!["diagnosisCodeableConcept"]!["coding"]![0]!["code"] == "Z68.41");
        var item = Assert.Single(claim["item"]!.AsArray())!;
        Assert.Equal("J0696", (string?)item["productOrService"]!["coding"]![0]!["code"]);
        Assert.Equal("[1]", item["diagnosisSequence"]!.ToJsonString());
        Assert.Equal(4m, (decimal)item["quantity"]!["value"]!);
    }

    private static ILocator Row(IPage page, string code) => page.Locator($"[data-testid=diagnosis][data-code='{code}']");

    private static async Task PostAsync(HttpClient client, string path, string json)
    {
        using var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/fhir+json"));
        response.EnsureSuccessStatusCode();
    }
}
