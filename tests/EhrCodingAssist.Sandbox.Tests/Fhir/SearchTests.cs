using System.Net;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Tests.Fhir;

public sealed class SearchTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Search_WithSmallCount_FollowsNextLinksToEveryMatchOnce()
    {
        var all = await SearchAsync("Observation?patient=pat-sepsis");
        var seen = new List<string>();
        string? url = fixture.Fhir("Observation?patient=pat-sepsis&_count=4");
        var pages = 0;
        while (url is not null)
        {
            using var response = await fixture.SendAsync(HttpMethod.Get, url);
            var page = await SandboxFixture.ReadAsync<Bundle>(response);
            Assert.True(page.Entry.Count <= 4);
            seen.AddRange(page.Entry.Select(e => e.Resource!.Id!));
            url = page.Link.FirstOrDefault(l => l.Relation == "next")?.Url;
            pages++;
        }

        Assert.Equal(all.Total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal((int)Math.Ceiling(all.Total!.Value / 4.0), pages);
        Assert.True(pages > 2);
    }

    [Fact]
    public async Task Search_LastPage_HasNoNextLink()
    {
        var bundle = await SearchAsync("Patient?_count=1000");

        Assert.DoesNotContain(bundle.Link, l => l.Relation == "next");
        Assert.Contains(bundle.Link, l => l.Relation == "self");
    }

    [Fact]
    public async Task Search_ByCodeWithSystem_ReturnsOnlyThatAnalyte()
    {
        var bundle = await SearchAsync("Observation?patient=pat-aki&code=http://loinc.org|2160-0");

        Assert.Equal(3, bundle.Total);
        Assert.All(bundle.Entry, e => Assert.Equal("2160-0", ((Observation)e.Resource!).Code.Coding[0].Code));
    }

    [Fact]
    public async Task Search_ByEncounterAndCategory_ExcludesOtherEncountersAndCategories()
    {
        var bundle = await SearchAsync("Observation?encounter=Encounter/enc-aki&category=laboratory");

        Assert.NotEmpty(bundle.Entry);
        Assert.All(bundle.Entry, e =>
        {
            var o = (Observation)e.Resource!;
            Assert.Equal("Encounter/enc-aki", o.Encounter!.Reference);
            Assert.Equal("laboratory", o.Category[0].Coding[0].Code);
        });
        var all = await SearchAsync("Observation?patient=pat-aki");
        Assert.True(all.Total > bundle.Total);
    }

    [Fact]
    public async Task Search_ByDateRange_AppliesGeAndLePrefixes()
    {
        var encounter = await ReadAsync<Encounter>("Encounter/enc-aki");
        var start = DateTimeOffset.Parse(encounter.Period!.Start!, System.Globalization.CultureInfo.InvariantCulture);
        var from = Uri.EscapeDataString(start.AddHours(12).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(start.AddHours(30).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));

        var bundle = await SearchAsync($"Observation?patient=pat-aki&code=14682-9,2160-0&date=ge{from}&date=le{to}");

        var single = Assert.Single(bundle.Entry);
        Assert.Equal("14682-9", ((Observation)single.Resource!).Code.Coding[0].Code);
    }

    [Fact]
    public async Task Search_EncounterByStatusAndClass_ReturnsSeededInpatientAdmissions()
    {
        var bundle = await SearchAsync("Encounter?status=in-progress&class=IMP&_count=100");

        Assert.True(bundle.Total >= 8);
        Assert.All(bundle.Entry, e => Assert.Equal(Encounter.EncounterStatus.InProgress, ((Encounter)e.Resource!).Status));
        Assert.DoesNotContain(bundle.Entry, e => e.Resource!.Id == "enc-aki-prior");
    }

    [Fact]
    public async Task Search_WithInclude_AddsReferencedEncounterAsInclude()
    {
        var bundle = await SearchAsync("Observation?patient=pat-hf&code=30934-4&_include=Observation:encounter");

        Assert.Single(bundle.Entry, e => e.Search!.Mode == Bundle.SearchEntryMode.Match);
        var included = Assert.Single(bundle.Entry, e => e.Search!.Mode == Bundle.SearchEntryMode.Include);
        Assert.Equal("enc-hf", included.Resource!.Id);
        Assert.Equal(1, bundle.Total);
    }

    [Fact]
    public async Task Search_ById_ReturnsOnlyThoseIds()
    {
        var bundle = await SearchAsync("Patient?_id=pat-af,pat-dm");

        Assert.Equal(["pat-af", "pat-dm"], bundle.Entry.Select(e => e.Resource!.Id!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_ConditionBySubjectAndCode_FindsDocumentedDiagnosis()
    {
        var bundle = await SearchAsync("Condition?subject=Patient/pat-hf&code=http://hl7.org/fhir/sid/icd-10-cm|I50.9");

        Assert.Equal(1, bundle.Total);
    }

    [Fact]
    public async Task Search_CoverageByBeneficiary_EveryAdmissionHasCoverage()
    {
        var encounters = await SearchAsync("Encounter?status=in-progress&_count=100");
        foreach (var entry in encounters.Entry)
        {
            var patient = ((Encounter)entry.Resource!).Subject!.Reference;
            var coverage = await SearchAsync($"Coverage?beneficiary={patient}");
            Assert.Equal(1, coverage.Total);
        }
    }

    [Fact]
    public async Task Search_UnknownResourceType_Returns404()
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, "NotAType?x=1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Search_BadDate_Returns400()
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, "Observation?date=ge-not-a-date");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<Bundle> SearchAsync(string relative)
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, relative);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SandboxFixture.ReadAsync<Bundle>(response);
    }

    private async Task<T> ReadAsync<T>(string relative) where T : Resource
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, relative);
        return await SandboxFixture.ReadAsync<T>(response);
    }
}
