using System.Net;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Tests.Fhir;

public sealed class TransactionTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Transaction_UrnUuidReferences_AreRewrittenToAssignedIds()
    {
        var bundle = ConditionWithProvenance("txn-rewrite");

        using var response = await fixture.SendAsync(HttpMethod.Post, "", bundle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await SandboxFixture.ReadAsync<Bundle>(response);
        Assert.Equal(Bundle.BundleType.TransactionResponse, result.Type);
        Assert.All(result.Entry, e => Assert.StartsWith("201", e.Response!.Status, StringComparison.Ordinal));
        var conditionLocation = result.Entry[0].Response!.Location!;
        Assert.Matches("^Condition/[^/]+/_history/1$", conditionLocation);
        var provenance = (Provenance)result.Entry[1].Resource!;
        Assert.Equal(string.Join('/', conditionLocation.Split('/').Take(2)), provenance.Target[0].Reference);
        using var stored = await fixture.SendAsync(HttpMethod.Get, provenance.TypeName + "/" + provenance.Id);
        Assert.DoesNotContain("urn:uuid", await stored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transaction_PreferMinimal_ReturnsLocationsWithoutResources()
    {
        using var response = await fixture.SendAsync(HttpMethod.Post, "", ConditionWithProvenance("txn-minimal"),
            configure: r => r.Headers.TryAddWithoutValidation("Prefer", "return=minimal"));

        var result = await SandboxFixture.ReadAsync<Bundle>(response);
        Assert.Equal(2, result.Entry.Count);
        Assert.All(result.Entry, e =>
        {
            Assert.Null(e.Resource);
            Assert.NotNull(e.Response!.Location);
        });
    }

    [Fact]
    public async Task Transaction_SentTwiceWithIfNoneExist_WritesOneCondition()
    {
        using (var first = await fixture.SendAsync(HttpMethod.Post, "", ConditionWithProvenance("txn-idem", conditional: true)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await fixture.SendAsync(HttpMethod.Post, "", ConditionWithProvenance("txn-idem", conditional: true));

        var result = await SandboxFixture.ReadAsync<Bundle>(second);
        Assert.StartsWith("200", result.Entry[0].Response!.Status, StringComparison.Ordinal);
        using var search = await fixture.SendAsync(HttpMethod.Get, "Condition?identifier=urn:test:idempotency|txn-idem");
        Assert.Equal(1, (await SandboxFixture.ReadAsync<Bundle>(search)).Total);
        Assert.Equal(string.Join('/', result.Entry[0].Response!.Location!.Split('/').Take(2)), ((Provenance)result.Entry[1].Resource!).Target[0].Reference);
    }

    [Fact]
    public async Task Transaction_OneEntryFails_NothingIsWritten()
    {
        var bundle = ConditionWithProvenance("txn-rollback");
        var stalePatient = new Patient { Id = "pat-af", Name = [new HumanName { Family = "Changed" }] };
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            Resource = stalePatient,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = "Patient/pat-af", IfMatch = "W/\"99\"" },
        });

        using var response = await fixture.SendAsync(HttpMethod.Post, "", bundle);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.IsType<OperationOutcome>(await SandboxFixture.ReadAsync<OperationOutcome>(response));
        using var search = await fixture.SendAsync(HttpMethod.Get, "Condition?identifier=urn:test:idempotency|txn-rollback");
        Assert.Equal(0, (await SandboxFixture.ReadAsync<Bundle>(search)).Total);
        using var patient = await fixture.SendAsync(HttpMethod.Get, "Patient/pat-af");
        Assert.NotEqual("Changed", (await SandboxFixture.ReadAsync<Patient>(patient)).Name[0].Family);
    }

    [Fact]
    public async Task Transaction_ReferenceToUnknownUrn_Returns400AndWritesNothing()
    {
        var bundle = ConditionWithProvenance("txn-dangling");
        ((Provenance)bundle.Entry[1].Resource!).Target[0].Reference = "urn:uuid:00000000-0000-0000-0000-000000000000";

        using var response = await fixture.SendAsync(HttpMethod.Post, "", bundle);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var search = await fixture.SendAsync(HttpMethod.Get, "Condition?identifier=urn:test:idempotency|txn-dangling");
        Assert.Equal(0, (await SandboxFixture.ReadAsync<Bundle>(search)).Total);
    }

    [Fact]
    public async Task Transaction_ClaimWithCoverage_IsAccepted()
    {
        var claim = new Claim
        {
            Identifier = [new Identifier("urn:test:claim", "claim-1")],
            Status = FinancialResourceStatusCodes.Draft,
            Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/claim-type", "institutional"),
            Use = ClaimUseCode.Claim,
            Patient = new ResourceReference("Patient/pat-pna"),
            Created = "2026-01-01",
            Provider = new ResourceReference("Organization/sandbox-hospital"),
            Priority = new CodeableConcept("http://terminology.hl7.org/CodeSystem/processpriority", "normal"),
            Insurance = [new Claim.InsuranceComponent { Sequence = 1, Focal = true, Coverage = new ResourceReference("Coverage/cov-pna") }],
        };
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:" + Guid.NewGuid(),
            Resource = claim,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Claim", IfNoneExist = "identifier=urn:test:claim|claim-1" },
        });

        using var response = await fixture.SendAsync(HttpMethod.Post, "", bundle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var search = await fixture.SendAsync(HttpMethod.Get, "Claim?patient=pat-pna");
        Assert.Equal(1, (await SandboxFixture.ReadAsync<Bundle>(search)).Total);
    }

    [Fact]
    public async Task Batch_FailingEntry_OtherEntriesStillApplied()
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Batch };
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            Resource = ReadUpdateTests.NewCondition("batch-ok"),
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Condition" },
        });
        bundle.Entry.Add(new Bundle.EntryComponent { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.GET, Url = "Patient/nobody" } });

        using var response = await fixture.SendAsync(HttpMethod.Post, "", bundle);

        var result = await SandboxFixture.ReadAsync<Bundle>(response);
        Assert.StartsWith("201", result.Entry[0].Response!.Status, StringComparison.Ordinal);
        Assert.StartsWith("404", result.Entry[1].Response!.Status, StringComparison.Ordinal);
    }

    private static Bundle ConditionWithProvenance(string key, bool conditional = false)
    {
        var conditionUrl = "urn:uuid:" + Guid.NewGuid();
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = conditionUrl,
            Resource = ReadUpdateTests.NewCondition(key),
            Request = new Bundle.RequestComponent
            {
                Method = Bundle.HTTPVerb.POST,
                Url = "Condition",
                IfNoneExist = conditional ? $"identifier=urn:test:idempotency|{key}" : null,
            },
        });
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:" + Guid.NewGuid(),
            Resource = new Provenance
            {
                Target = [new ResourceReference(conditionUrl)],
                Recorded = DateTimeOffset.UtcNow,
                Agent = [new Provenance.AgentComponent { Who = new ResourceReference("Practitioner/sandbox-physician") }],
                Entity = [new Provenance.EntityComponent { Role = Provenance.ProvenanceEntityRole.Source, What = new ResourceReference("Observation/obs-sepsis-6") }],
            },
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Provenance" },
        });
        return bundle;
    }
}
