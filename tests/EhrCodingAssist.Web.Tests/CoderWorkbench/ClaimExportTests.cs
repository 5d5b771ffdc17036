using System.Net;
using System.Text;
using System.Text.Json;
using EhrCodingAssist.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>The stored Claim downloads alone as application/fhir+json that Firely parses as an R4 Claim.</summary>
public sealed class ClaimExportTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private async Task<HttpClient> LaunchAsync()
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr, claimSupported: false);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        launched.Client.DefaultRequestHeaders.Add("X-CSRF", "1");
        using var put = await launched.Client.PutAsync("/api/encounters/enc-1/coding", new StringContent("""
            {"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y","source":"condition"}],
             "lines":[{"code":"G0390","system":"hcpcs","units":1,"pointers":[1]}],"decisions":[]}
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return launched.Client;
    }

    [Fact]
    public async System.Threading.Tasks.Task Export_BeforeFinalise_Returns404Problem()
    {
        var client = await LaunchAsync();

        using var response = await client.GetAsync("/api/encounters/enc-1/claim/fhir");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async System.Threading.Tasks.Task Export_NotWrittenClaim_DownloadsAnR4Claim()
    {
        var client = await LaunchAsync();
        using (var finalize = await client.PostAsync("/api/encounters/enc-1/finalize", null))
        {
            Assert.Equal(HttpStatusCode.OK, finalize.StatusCode);
        }

        using var response = await client.GetAsync("/api/encounters/enc-1/claim/fhir");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("claim-enc-1.fhir.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var claim = JsonSerializer.Deserialize<Claim>(await response.Content.ReadAsStringAsync(), Fhir)!;
        Assert.Equal(FinancialResourceStatusCodes.Draft, claim.Status);
        Assert.Equal("urn:ehrcodingassist:claim", claim.Identifier[0].System);
        Assert.Equal("J18.9", ((CodeableConcept)claim.Diagnosis[0].Diagnosis).Coding[0].Code);
        Assert.Equal("G0390", claim.Item[0].ProductOrService.Coding[0].Code);
        Assert.Equal("Coverage/cov-1", claim.Insurance[0].Coverage.Reference);

        var html = await client.GetStringAsync("/coding");
        Assert.Contains("href=\"/api/encounters/enc-1/claim/fhir\" download data-testid=\"claim-export\"", html, StringComparison.Ordinal);
    }
}
