using System.Net;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Tests.Fhir;

public sealed class ReadUpdateTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Read_SeededPatient_ReturnsWeakETagMatchingVersion()
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, "Patient/pat-sepsis");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var patient = await SandboxFixture.ReadAsync<Patient>(response);
        Assert.Equal($"W/\"{patient.Meta!.VersionId}\"", response.Headers.ETag?.ToString());
        Assert.NotNull(patient.Meta.LastUpdated);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Read_BinaryOfNoteUrl_ReturnsRawTextOrFhirJsonByAccept()
    {
        using var search = await fixture.SendAsync(HttpMethod.Get, "DocumentReference?encounter=enc-aki&type=http://loinc.org|11488-4");
        var url = ((DocumentReference)(await SandboxFixture.ReadAsync<Bundle>(search)).Entry.Single().Resource!).Content[0].Attachment!.Url!;

        using var raw = await fixture.SendAsync(HttpMethod.Get, url, configure: r => r.Headers.Accept.ParseAdd("text/plain"));
        using var json = await fixture.SendAsync(HttpMethod.Get, url, configure: r => r.Headers.Accept.ParseAdd("application/fhir+json"));

        Assert.Equal("text/plain", raw.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Nephrology consult", await raw.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/plain", (await SandboxFixture.ReadAsync<Binary>(json)).ContentType);
    }

    [Fact]
    public async Task Read_UnknownId_Returns404WithOperationOutcome()
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, "Patient/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var outcome = await SandboxFixture.ReadAsync<OperationOutcome>(response);
        Assert.Equal(OperationOutcome.IssueType.NotFound, outcome.Issue[0].Code);
    }

    [Fact]
    public async Task Create_NewResource_Returns201WithLocationAndETag()
    {
        using var response = await fixture.SendAsync(HttpMethod.Post, "Condition", NewCondition("create-1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await SandboxFixture.ReadAsync<Condition>(response);
        Assert.Equal($"{fixture.Sandbox.Urls.FhirBase}/Condition/{created.Id}/_history/1", response.Headers.Location?.ToString());
        Assert.Equal("W/\"1\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Update_WithCurrentIfMatch_Returns200AndNextVersion()
    {
        var created = await CreateAsync("update-ok");
        created.Note.Add(new Annotation { Text = new Markdown("changed") });

        using var response = await fixture.SendAsync(HttpMethod.Put, $"Condition/{created.Id}", created, configure: r => r.Headers.TryAddWithoutValidation("If-Match", "W/\"1\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("W/\"2\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Update_WithStaleIfMatch_Returns412AndKeepsCurrentVersion()
    {
        var created = await CreateAsync("update-stale");
        using (var first = await fixture.SendAsync(HttpMethod.Put, $"Condition/{created.Id}", created, configure: r => r.Headers.TryAddWithoutValidation("If-Match", "W/\"1\"")))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var stale = await fixture.SendAsync(HttpMethod.Put, $"Condition/{created.Id}", created, configure: r => r.Headers.TryAddWithoutValidation("If-Match", "W/\"1\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.IsType<OperationOutcome>(await SandboxFixture.ReadAsync<OperationOutcome>(stale));
        using var read = await fixture.SendAsync(HttpMethod.Get, $"Condition/{created.Id}");
        Assert.Equal("W/\"2\"", read.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Vread_OldVersion_ReturnsThatVersion()
    {
        var created = await CreateAsync("vread");
        using (await fixture.SendAsync(HttpMethod.Put, $"Condition/{created.Id}", created)) { }

        using var response = await fixture.SendAsync(HttpMethod.Get, $"Condition/{created.Id}/_history/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", (await SandboxFixture.ReadAsync<Condition>(response)).Meta!.VersionId);
    }

    [Fact]
    public async Task ConditionalCreate_SameIdentifierTwice_Returns200WithExistingAndNoDuplicate()
    {
        var condition = NewCondition("idem-key-1");
        void IfNoneExist(HttpRequestMessage r) => r.Headers.TryAddWithoutValidation("If-None-Exist", "identifier=urn:test:idempotency|idem-key-1");

        using var first = await fixture.SendAsync(HttpMethod.Post, "Condition", condition, configure: IfNoneExist);
        using var second = await fixture.SendAsync(HttpMethod.Post, "Condition", condition, configure: IfNoneExist);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await SandboxFixture.ReadAsync<Condition>(first)).Id, (await SandboxFixture.ReadAsync<Condition>(second)).Id);
        using var search = await fixture.SendAsync(HttpMethod.Get, "Condition?identifier=urn:test:idempotency|idem-key-1");
        Assert.Equal(1, (await SandboxFixture.ReadAsync<Bundle>(search)).Total);
    }

    [Fact]
    public async Task ConditionalCreate_ManyConcurrentRequests_WriteExactlyOne()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => fixture.SendAsync(HttpMethod.Post, "Condition", NewCondition("concurrent-1"),
            configure: r => r.Headers.TryAddWithoutValidation("If-None-Exist", "identifier=urn:test:idempotency|concurrent-1"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
        using var search = await fixture.SendAsync(HttpMethod.Get, "Condition?identifier=urn:test:idempotency|concurrent-1");
        Assert.Equal(1, (await SandboxFixture.ReadAsync<Bundle>(search)).Total);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task ConditionalCreate_UnsupportedCriteria_Returns400()
    {
        using var response = await fixture.SendAsync(HttpMethod.Post, "Condition", NewCondition("bad-criteria"),
            configure: r => r.Headers.TryAddWithoutValidation("If-None-Exist", "no-such-param=1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Create_ReferenceToMissingResource_Returns422()
    {
        var condition = NewCondition("dangling");
        condition.Subject = new ResourceReference("Patient/nobody");

        using var response = await fixture.SendAsync(HttpMethod.Post, "Condition", condition);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Create_InvalidJson_Returns400WithOperationOutcome()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Fhir("Condition"))
        {
            Content = new StringContent("{\"resourceType\":\"Condition\",\"clinicalStatus\":42}", System.Text.Encoding.UTF8, "application/fhir+json"),
        };
        request.Headers.Authorization = new("Bearer", fixture.Sandbox.IssueAccessToken());

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("OperationOutcome", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static Condition NewCondition(string key) => new()
    {
        Identifier = [new Identifier("urn:test:idempotency", key)],
        ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis")],
        Code = new CodeableConcept("http://hl7.org/fhir/sid/icd-10-cm", "A41.9", "Sepsis, unspecified organism"),
        Subject = new ResourceReference("Patient/pat-sepsis"),
        Encounter = new ResourceReference("Encounter/enc-sepsis"),
    };

    private async Task<Condition> CreateAsync(string key)
    {
        using var response = await fixture.SendAsync(HttpMethod.Post, "Condition", NewCondition(key));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await SandboxFixture.ReadAsync<Condition>(response);
    }
}
