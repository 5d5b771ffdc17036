using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EhrCodingAssist.Web.Tests.Infrastructure;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>The app with <c>CodingData:CptDescriptors</c> naming a LONGULT-layout file of made-up descriptors (one code: 99213).</summary>
public sealed class CptDescriptorAppFactory()
    : CodingDataAppFactory("CodingData:CptDescriptors", "LONGULT.txt", "99213\tMade-up descriptor for a test");

/// <summary>The configuration key docs/coding-data.md names imports the descriptor file: a CPT code not in it is an invalid code.</summary>
public sealed class CptDescriptorConfigTests(CptDescriptorAppFactory app) : IClassFixture<CptDescriptorAppFactory>
{
    [Fact]
    public async Task Put_CptCodes_OnlyTheOnesInTheConfiguredFileAreKnown()
    {
        app.Ehr.Reset();
        CodingEhr.StubInpatient(app.Ehr);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        launched.Client.DefaultRequestHeaders.Add("X-CSRF", "1");

        using var response = await launched.Client.PutAsync("/api/encounters/enc-1/coding", new StringContent(
            """
            {"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y"}],
             "lines":[{"code":"99213","system":"cpt","units":1,"pointers":[1]},{"code":"99214","system":"cpt","units":1,"pointers":[1]}],
             "decisions":[]}
            """,
            Encoding.UTF8,
            "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edits = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["edits"]!.AsArray();
        var invalid = Assert.Single(edits, e => (string?)e!["rule"] == "edit.invalid-code")!;
        Assert.Equal(["99214"], invalid["codes"]!.AsArray().Select(c => (string?)c));
        Assert.Contains("CPT 99214 is not in the imported CPT file", (string?)invalid["text"], StringComparison.Ordinal);
    }
}
