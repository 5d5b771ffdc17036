using System.Net;
using EhrCodingAssist.Sandbox.Hosting;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Tests.Launch;

public sealed class SeedDataTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Seed_InProgressAdmissions_HaveAttendingLocationPeriodAndCoverage()
    {
        var encounters = await SearchAsync("Encounter?status=in-progress&class=IMP&_count=100");

        Assert.True(encounters.Entry.Count >= 8);
        foreach (var encounter in encounters.Entry.Select(e => (Encounter)e.Resource!))
        {
            Assert.Contains(encounter.Participant, p => p.Individual!.Reference == "Practitioner/sandbox-physician" && p.Type[0].Coding[0].Code == "ATND");
            Assert.NotEmpty(encounter.Location);
            Assert.NotNull(encounter.Period!.Start);
            Assert.Equal(1, (await SearchAsync($"Coverage?beneficiary={encounter.Subject!.Reference}")).Total);
        }
    }

    [Theory]
    [InlineData("pat-sepsis", "2524-7")]
    [InlineData("pat-aki", "14682-9")]
    [InlineData("pat-hf", "10230-1")]
    [InlineData("pat-hypona", "2951-2")]
    [InlineData("pat-obesity", "39156-5")]
    [InlineData("pat-arf", "2019-8")]
    [InlineData("pat-malnut", "1751-7")]
    [InlineData("pat-pna", "6460-0")]
    [InlineData("pat-af", "89579-7")]
    [InlineData("pat-dm", "44261-6")]
    public async Task Seed_TopicPatient_HasItsKeyObservation(string patient, string loinc)
    {
        Assert.True((await SearchAsync($"Observation?patient={patient}&code=http://loinc.org|{loinc}")).Total >= 1);
    }

    [Fact]
    public async Task Seed_TelehealthVisit_IsVirtualWithAProfessionalServiceAndCoverage()
    {
        var encounter = (Encounter)Assert.Single((await SearchAsync("Encounter?_id=enc-tele")).Entry).Resource!;
        var procedure = (Procedure)Assert.Single((await SearchAsync("Procedure?encounter=Encounter/enc-tele")).Entry).Resource!;

        Assert.Equal("VR", encounter.Class!.Code);
        Assert.Equal(Encounter.EncounterStatus.InProgress, encounter.Status);
        Assert.Equal("Patient/pat-tele", encounter.Subject!.Reference);
        Assert.Equal(("http://www.ama-assn.org/go/cpt", "99214", null), (procedure.Code!.Coding[0].System, procedure.Code.Coding[0].Code, procedure.Code.Coding[0].Display));
        Assert.Equal(1, (await SearchAsync("Coverage?beneficiary=Patient/pat-tele")).Total);
        Assert.DoesNotContain((await SearchAsync("Encounter?status=in-progress&class=IMP&_count=100")).Entry, e => e.Resource!.Id == "enc-tele");
    }

    [Fact]
    public async Task Seed_Notes_AreTextPlainAttachmentsOnTheEncounter()
    {
        var notes = await SearchAsync("DocumentReference?encounter=Encounter/enc-malnut");

        Assert.NotEmpty(notes.Entry);
        var attachment = ((DocumentReference)notes.Entry[0].Resource!).Content[0].Attachment!;
        Assert.Equal("text/plain", attachment.ContentType);
        Assert.NotEmpty(attachment.Data!);
    }

    [Fact]
    public async Task Seed_RolePractitioners_Exist()
    {
        foreach (var id in new[] { "sandbox-physician", "sandbox-cdi", "sandbox-coder" })
        {
            using var response = await fixture.SendAsync(HttpMethod.Get, $"Practitioner/{id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task SeedFolder_SyntheaBundle_IsLoadedAtStart()
    {
        var synthea = Path.Combine(SharedData.Root(), "data", "synthea");
        var file = Directory.GetFiles(synthea, "*.json").Order(StringComparer.Ordinal).First();
        var folder = Directory.CreateTempSubdirectory("sandbox-seed-");
        try
        {
            File.Copy(file, Path.Combine(folder.FullName, "one.json"));
            File.WriteAllText(Path.Combine(folder.FullName, "broken.json"), "{ not json");
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions
            {
                EhrUrl = "http://127.0.0.1:0",
                StartApp = false,
                ConsoleLogging = false,
                SeedSyntheticPatients = false,
                SeedFolder = folder.FullName,
            });
            using var client = new HttpClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", sandbox.IssueAccessToken());

            var bundle = (Bundle)EhrCodingAssist.Sandbox.Fhir.FhirJson.Parse(await client.GetStringAsync(sandbox.Urls.FhirBase + "/Patient"));

            Assert.Equal(1, bundle.Total);
            var encounters = (Bundle)EhrCodingAssist.Sandbox.Fhir.FhirJson.Parse(
                await client.GetStringAsync($"{sandbox.Urls.FhirBase}/Encounter?patient={bundle.Entry[0].Resource!.Id}&_count=1"));
            Assert.True(encounters.Total > 0);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task GrowEncounter_ToTarget_PatientHoldsThatManyResources()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            EhrUrl = "http://127.0.0.1:0",
            StartApp = false,
            ConsoleLogging = false,
            GrowEncounter = "enc-hf",
            GrowTo = 600,
        });
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", sandbox.IssueAccessToken());

        var observations = (Bundle)EhrCodingAssist.Sandbox.Fhir.FhirJson.Parse(
            await client.GetStringAsync($"{sandbox.Urls.FhirBase}/Observation?encounter=enc-hf&_summary=count"));
        var others = 0;
        foreach (var type in new[] { "Patient", "Encounter", "Condition", "MedicationRequest", "Procedure", "DocumentReference", "Coverage", "Claim" })
        {
            var bundle = (Bundle)EhrCodingAssist.Sandbox.Fhir.FhirJson.Parse(
                await client.GetStringAsync($"{sandbox.Urls.FhirBase}/{type}?{(type == "Patient" ? "_id" : type == "Coverage" ? "beneficiary" : "patient")}=pat-hf&_summary=count"));
            others += bundle.Total ?? 0;
        }

        Assert.Equal(600, observations.Total + others);
    }

    private async Task<Bundle> SearchAsync(string relative)
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, relative);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SandboxFixture.ReadAsync<Bundle>(response);
    }
}
