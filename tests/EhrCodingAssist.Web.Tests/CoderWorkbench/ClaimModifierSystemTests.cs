using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EhrCodingAssist.Clinical.Snapshot;
using EhrCodingAssist.Web.CoderWorkbench;
using EhrCodingAssist.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>Claim item modifiers carry their own code system (CPT for two digits, HCPCS Level II otherwise), not the line's.</summary>
public sealed class ClaimModifierSystemTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    private const string Cpt = "http://www.ama-assn.org/go/cpt";
    private const string Hcpcs = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";

    private static readonly EncounterSnapshot Snapshot = new()
    {
        Encounter = new Encounter
        {
            Id = "enc-1",
            Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB"),
            Subject = new ResourceReference("Patient/pat-1"),
            Period = new Period { Start = "2025-03-10T08:00:00Z" },
        },
        Resources = [],
    };

    private static List<(string? System, string? Code)> Modifiers(Claim claim, int item) =>
        [.. claim.Item[item].Modifier.Select(m => (m.Coding.Single().System, m.Coding.Single().Code))];

    [Fact]
    public void Build_HcpcsLineWithCptModifier_WritesTheModifierUnderCpt()
    {
        var state = new WorkbenchState
        {
            Diagnoses = [new DiagnosisEntry("J18.9", 1)],
            Lines = [new LineEntry("G0390", "hcpcs") { Modifiers = ["25", "GT"], Pointers = [1] }],
        };

        var claim = ClaimBuilder.Build(Snapshot, state, "key", "Organization/org-1", DateTimeOffset.UtcNow);

        Assert.Equal(Hcpcs, claim.Item[0].ProductOrService.Coding.Single().System);
        Assert.Equal([(Cpt, "25"), (Hcpcs, "GT")], Modifiers(claim, 0));
    }

    [Fact]
    public void Build_CptLineWithHcpcsModifiers_WritesThemUnderHcpcs()
    {
        var state = new WorkbenchState
        {
            Diagnoses = [new DiagnosisEntry("J18.9", 1)],
            Lines = [new LineEntry("99213", "cpt") { Modifiers = ["95", "XS", "LT", "F1"], Pointers = [1] }],
        };

        var claim = ClaimBuilder.Build(Snapshot, state, "key", "Organization/org-1", DateTimeOffset.UtcNow);

        Assert.Equal(Cpt, claim.Item[0].ProductOrService.Coding.Single().System);
        Assert.Equal([(Cpt, "95"), (Hcpcs, "XS"), (Hcpcs, "LT"), (Hcpcs, "F1")], Modifiers(claim, 0));
    }

    [Theory]
    [InlineData("25", Cpt)]
    [InlineData("59", Cpt)]
    [InlineData("QW", Hcpcs)]
    [InlineData("E1", Hcpcs)]
    [InlineData("1P", Hcpcs)]
    public void ModifierSystem_ByShape(string modifier, string system) => Assert.Equal(system, ClaimBuilder.ModifierSystem(modifier));

    [Fact]
    public async System.Threading.Tasks.Task Finalize_StoredClaim_HasTheModifierUnderItsOwnSystem()
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr, claimSupported: false);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        var client = launched.Client;
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        using (var put = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent("""
            {"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y"}],
             "lines":[{"code":"G0390","system":"hcpcs","modifiers":["25"],"units":1,"pointers":[1]}],"decisions":[]}
            """, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var finalized = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        Assert.Equal(HttpStatusCode.OK, finalized.StatusCode);
        var item = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/claim"))!["claim"]!["item"]![0]!;
        Assert.Equal(Hcpcs, (string?)item["productOrService"]!["coding"]![0]!["system"]);
        Assert.Equal(Cpt, (string?)item["modifier"]![0]!["coding"]![0]!["system"]);
        Assert.Equal("25", (string?)item["modifier"]![0]!["coding"]![0]!["code"]);
    }
}
