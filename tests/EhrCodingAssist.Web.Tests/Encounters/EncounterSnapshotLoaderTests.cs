using EhrCodingAssist.Web.Encounters;
using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static EhrCodingAssist.Web.Tests.Encounters.SnapshotFixtures;

namespace EhrCodingAssist.Web.Tests.Encounters;

public sealed class EncounterSnapshotLoaderTests
{
    private static EncounterSnapshotLoader Loader(SnapshotOptions? options = null) =>
        new(new PlainClientFactory(), Options.Create(options ?? new SnapshotOptions()), Options.Create(new EhrHttpOptions()), TimeProvider.System,
            NullLogger<EncounterSnapshotLoader>.Instance);

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_PagedObservations_FollowsNextLinks()
    {
        using var ehr = Ehr();
        ehr.Search("Observation", "category", "laboratory,vital-signs",
            FhirStub.Page([Creatinine("o1", 1.0m, "2026-11-20T09:00:00Z")], ehr.Base + "/Observation?page=2"));
        ehr.Search("Observation", "page", "2", FhirStub.Page([Creatinine("o2", 2.1m, "2026-11-21T09:00:00Z")]), priority: 1);

        var snapshot = await Loader().LoadAsync(SessionFor(ehr.Base), EncounterId, CancellationToken.None);

        Assert.Equal(["o1", "o2"], snapshot.Resources.OfType<Observation>().Select(o => o.Id).Order());
        Assert.Empty(snapshot.Warnings);
        Assert.Equal("Patient/" + PatientId, snapshot.PatientReference);
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_ObservationSearch_AsksLabsAndVitalsFromWeekBeforeEncounter()
    {
        using var ehr = Ehr();

        await Loader().LoadAsync(SessionFor(ehr.Base), EncounterId, CancellationToken.None);

        var observationSearch = Assert.Single(ehr.RequestedUrls(), u => u.Contains("/fhir/Observation", StringComparison.Ordinal));
        var query = Uri.UnescapeDataString(new Uri(observationSearch).Query);
        Assert.Contains("patient=p1", query, StringComparison.Ordinal);
        Assert.Contains("category=laboratory,vital-signs", query, StringComparison.Ordinal);
        Assert.Contains("date=ge2026-11-13T08:00:00Z", query, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_PageBoundHit_StopsAndWarns()
    {
        using var ehr = Ehr();
        ehr.Search("Observation", "category", "laboratory,vital-signs",
            FhirStub.Page([Creatinine("o1", 1.0m, "2026-11-20T09:00:00Z")], ehr.Base + "/Observation?page=2"));
        ehr.Search("Observation", "page", "2", FhirStub.Page([Creatinine("o2", 2.1m, "2026-11-21T09:00:00Z")]), priority: 1);

        var snapshot = await Loader(new SnapshotOptions { MaxPagesPerSearch = 1 })
            .LoadAsync(SessionFor(ehr.Base), EncounterId, CancellationToken.None);

        Assert.Equal(["o1"], snapshot.Resources.OfType<Observation>().Select(o => o.Id));
        var warning = Assert.Single(snapshot.Warnings);
        Assert.Contains("Observations", warning, StringComparison.Ordinal);
        Assert.Contains("Snapshot:MaxPagesPerSearch", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(ehr.RequestedUrls(), u => u.Contains("page=2", StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_ResourceBoundHit_KeepsBoundAndWarns()
    {
        using var ehr = Ehr();
        var many = Enumerable.Range(1, 5).Select(i => Creatinine("o" + i, 1.0m, "2026-11-20T09:00:00Z"));
        ehr.Search("Observation", "category", "laboratory,vital-signs", FhirStub.Page(many));

        var snapshot = await Loader(new SnapshotOptions { MaxResourcesPerSearch = 3 })
            .LoadAsync(SessionFor(ehr.Base), EncounterId, CancellationToken.None);

        Assert.Equal(3, snapshot.Resources.OfType<Observation>().Count());
        Assert.Contains(snapshot.Warnings, w => w.Contains("Snapshot:MaxResourcesPerSearch", StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_NextLinkOnAnotherHost_NotFollowed()
    {
        using var ehr = Ehr();
        using var other = new FhirStub();
        ehr.Search("Observation", "category", "laboratory,vital-signs",
            FhirStub.Page([Creatinine("o1", 1.0m, "2026-11-20T09:00:00Z")], other.Base + "/Observation?page=2"));

        var snapshot = await Loader().LoadAsync(SessionFor(ehr.Base), EncounterId, CancellationToken.None);

        Assert.Empty(other.RequestedUrls());
        Assert.Contains(snapshot.Warnings, w => w.Contains("outside its FHIR base", StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_HtmlNoteByUrl_FetchedAndDecoded()
    {
        using var ehr = Ehr();
        ehr.Search("DocumentReference", "encounter", EncounterId, FhirStub.Page([NoteByUrl("n1", "Binary/b1", "text/html")]));
        ehr.Raw("/fhir/Binary/b1", "text/html; charset=utf-8", "<html><body><p>Assessment: <b>acute kidney injury</b></p></body></html>");

        var snapshot = await Loader().LoadAsync(SessionFor(ehr.Base), EncounterId, CancellationToken.None);

        Assert.Contains("Assessment: acute kidney injury", snapshot.NoteTexts["n1"], StringComparison.Ordinal);
        Assert.Empty(snapshot.Warnings);
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_NoteAsFhirBinary_Unwrapped()
    {
        using var ehr = Ehr();
        ehr.Search("DocumentReference", "encounter", EncounterId, FhirStub.Page([NoteByUrl("n1", ehr.Base + "/Binary/b2", "text/plain")]));
        var binary = new Binary { Id = "b2", ContentType = "text/plain", Data = "Patient is septic."u8.ToArray() };
        ehr.Raw("/fhir/Binary/b2", "application/fhir+json", FhirStub.Serialize(binary));

        var snapshot = await Loader().LoadAsync(SessionFor(ehr.Base), EncounterId, CancellationToken.None);

        Assert.Equal("Patient is septic.", snapshot.NoteTexts["n1"]);
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_NoteUrlOnAnotherHost_NotFetchedAndWarns()
    {
        using var ehr = Ehr();
        using var other = new FhirStub();
        other.Raw("/notes/n1", "text/plain", "secret");
        ehr.Search("DocumentReference", "encounter", EncounterId, FhirStub.Page([NoteByUrl("n1", other.Server.Url + "/notes/n1", "text/plain")]));

        var snapshot = await Loader().LoadAsync(SessionFor(ehr.Base), EncounterId, CancellationToken.None);

        Assert.Empty(other.RequestedUrls());
        Assert.False(snapshot.NoteTexts.ContainsKey("n1"));
        Assert.Contains(snapshot.Warnings, w => w.Contains("outside the EHR's FHIR base", StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_OneSearchRefused_OthersLoadedAndWarns()
    {
        using var ehr = Ehr();
        ehr.Status("/fhir/Coverage", 400);
        ehr.Search("Observation", "category", "laboratory,vital-signs", FhirStub.Page([Creatinine("o1", 1.0m, "2026-11-20T09:00:00Z")]));

        var snapshot = await Loader().LoadAsync(SessionFor(ehr.Base), EncounterId, CancellationToken.None);

        Assert.Single(snapshot.Resources.OfType<Observation>());
        Assert.Contains(snapshot.Warnings, w => w.StartsWith("Coverage:", StringComparison.Ordinal) && w.Contains("HTTP 400", StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_EncounterOfAnotherPatient_Throws()
    {
        using var ehr = Ehr();
        ehr.Read(Encounter("e2", patientId: "p2"));

        await Assert.ThrowsAsync<EncounterNotInContextException>(
            () => Loader().LoadAsync(SessionFor(ehr.Base, "e2"), "e2", CancellationToken.None));
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_Searches_RunInParallel()
    {
        using var ehr = Ehr(delayMs: 300);
        var clients = new PlainClientFactory();
        var loader = new EncounterSnapshotLoader(clients, Options.Create(new SnapshotOptions()), Options.Create(new EhrHttpOptions()), TimeProvider.System,
            NullLogger<EncounterSnapshotLoader>.Instance);

        await loader.LoadAsync(SessionFor(ehr.Base), EncounterId, CancellationToken.None);

        // Encounter, Patient and seven searches start together; Observations wait only for the Encounter.
        Assert.True(clients.MaxConcurrent >= 8, $"at most {clients.MaxConcurrent} requests overlapped");
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_AllSearches_StartedForEveryResourceType()
    {
        using var ehr = Ehr();

        await Loader().LoadAsync(SessionFor(ehr.Base), EncounterId, CancellationToken.None);

        var paths = ehr.RequestedUrls().Select(u => new Uri(u).AbsolutePath).ToHashSet();
        string[] expected =
        [
            "/fhir/Encounter/e1", "/fhir/Patient/p1", "/fhir/Condition", "/fhir/Observation", "/fhir/MedicationRequest",
            "/fhir/Procedure", "/fhir/DocumentReference", "/fhir/Coverage", "/fhir/Claim",
        ];
        Assert.All(expected, p => Assert.Contains(p, paths));
    }
}
