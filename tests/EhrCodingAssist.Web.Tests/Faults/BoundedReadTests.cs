using System.Net;
using System.Text;
using EhrCodingAssist.Web.Encounters;
using EhrCodingAssist.Web.Encounters.Reading;
using EhrCodingAssist.Web.Session;
using EhrCodingAssist.Web.Tests.Encounters;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static EhrCodingAssist.Web.Tests.Encounters.SnapshotFixtures;

namespace EhrCodingAssist.Web.Tests.Faults;

/// <summary>
/// Huge, endless and looping answers end in bounded time and memory: the loader keeps at most the configured
/// resources, reads at most the configured bytes per page and follows no link twice; each stop is a warning.
/// </summary>
public sealed class BoundedReadTests
{
    private static readonly string EncounterJson = FhirStub.Serialize(Encounter());
    private static readonly string PatientJson = FhirStub.Serialize(Patient());
    private const string EmptySearchset = """{"resourceType":"Bundle","type":"searchset"}""";

    private static EncounterSnapshotLoader Loader(IEhrFhirClientFactory ehr, SnapshotOptions? snapshot = null, int maxBytes = 1024 * 1024) =>
        new(ehr, Options.Create(snapshot ?? new SnapshotOptions()), Options.Create(new EhrHttpOptions { MaxResponseBytes = maxBytes }),
            TimeProvider.System, NullLogger<EncounterSnapshotLoader>.Instance);

    private static ScriptedEhr Ehr(Func<HttpRequestMessage, HttpResponseMessage?> observations) => new(request =>
    {
        var path = request.RequestUri!.AbsolutePath;
        return path switch
        {
            "/fhir/Encounter/" + EncounterId => ScriptedEhr.Json(EncounterJson),
            "/fhir/Patient/" + PatientId => ScriptedEhr.Json(PatientJson),
            "/fhir/Observation" => observations(request) ?? ScriptedEhr.Json(EmptySearchset),
            _ => ScriptedEhr.Json(EmptySearchset),
        };
    });

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_EndlessBundleBody_StopsAtTheResourceBoundReadingAFractionOfIt()
    {
        var endless = new EndlessBundleStream();
        var ehr = Ehr(_ => ScriptedEhr.Stream(endless));

        var snapshot = await Loader(ehr, new SnapshotOptions { MaxResourcesPerSearch = 1000 }).LoadAsync(SessionFor(ScriptedEhr.Base), EncounterId, default);

        Assert.Equal(1000, snapshot.Resources.OfType<Observation>().Count());
        Assert.Contains(snapshot.Warnings, w => w.Contains("only the first 1000 resources", StringComparison.Ordinal));
        // About 1000 entries of ~130 bytes, plus one buffer: the endless rest was never read.
        Assert.InRange(endless.BytesRead, 100_000, 400_000);
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_EndlessBundleUnderTheResourceBound_StopsAtTheByteBound()
    {
        var endless = new EndlessBundleStream();
        var ehr = Ehr(_ => ScriptedEhr.Stream(endless));

        var snapshot = await Loader(ehr, new SnapshotOptions { MaxResourcesPerSearch = 100_000 }, maxBytes: 256 * 1024)
            .LoadAsync(SessionFor(ScriptedEhr.Base), EncounterId, default);

        Assert.Contains(snapshot.Warnings, w => w.Contains("Ehr:Http:MaxResponseBytes", StringComparison.Ordinal));
        Assert.True(endless.BytesRead <= 256 * 1024, $"{endless.BytesRead} bytes read");
        Assert.InRange(snapshot.Resources.OfType<Observation>().Count(), 1000, 2100);
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_PagingChainThatNeverRepeats_StopsAtThePageBound()
    {
        var ehr = Ehr(request => ScriptedEhr.Json(
            "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"relation\":\"next\",\"url\":\"" + ScriptedEhr.Base
            + "/Observation?page=" + Guid.NewGuid().ToString("N") + "\"}],\"entry\":[]}"));

        var snapshot = await Loader(ehr, new SnapshotOptions { MaxPagesPerSearch = 7 }).LoadAsync(SessionFor(ScriptedEhr.Base), EncounterId, default);

        Assert.Contains(snapshot.Warnings, w => w.StartsWith("Observations: only the first 7 pages", StringComparison.Ordinal));
        // Encounter, Patient, seven other searches of one page each, seven Observation pages.
        Assert.Equal(2 + 7 + 7, ehr.Requests);
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_PageLinkingBackToTheFirst_StopsAtTheLoop()
    {
        var ehr = Ehr(request => ScriptedEhr.Json(request.RequestUri!.Query.Contains("page=2", StringComparison.Ordinal)
            ? $$"""{"resourceType":"Bundle","type":"searchset","link":[{"relation":"next","url":"{{ScriptedEhr.Base}}/Observation?page=3"}]}"""
            : $$"""{"resourceType":"Bundle","type":"searchset","link":[{"relation":"next","url":"{{ScriptedEhr.Base}}/Observation?page=2"}]}"""));

        var snapshot = await Loader(ehr).LoadAsync(SessionFor(ScriptedEhr.Base), EncounterId, default);

        // Pages 1, 2 and 3 (3 links to 2 again): three reads, then the loop warning.
        Assert.Contains(snapshot.Warnings, w => w.Contains("a paging loop", StringComparison.Ordinal));
        Assert.Equal(2 + 7 + 3, ehr.Requests);
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_SlowPagingChain_StopsWhenTheLoadBudgetRunsOut()
    {
        var ehr = Ehr(request =>
        {
            Thread.Sleep(50);
            return ScriptedEhr.Json("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"relation\":\"next\",\"url\":\""
                + ScriptedEhr.Base + "/Observation?page=" + Guid.NewGuid().ToString("N") + "\"}]}");
        });

        var snapshot = await Loader(ehr, new SnapshotOptions { MaxPagesPerSearch = 1000, LoadBudget = TimeSpan.FromSeconds(1) })
            .LoadAsync(SessionFor(ScriptedEhr.Base), EncounterId, default);

        Assert.Contains(snapshot.Warnings, w => w.Contains("Observations: stopped when the chart's load budget ran out (bound Snapshot:LoadBudget)", StringComparison.Ordinal));
        Assert.True(ehr.Requests < 1000, $"{ehr.Requests} requests");
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_OddEntries_SkippedAndNamedTheRestKept()
    {
        var good = FhirStub.Serialize(Creatinine("o-good", 1.2m, "2026-11-20T09:00:00Z"));
        var badStatus = good.Replace("\"o-good\"", "\"o-status\"", StringComparison.Ordinal).Replace("\"final\"", "\"bogus\"", StringComparison.Ordinal);
        var surrogate = good.Replace("\"o-good\"", "\"o-text\"", StringComparison.Ordinal).Replace("Creatinine", "Creat\\ud800", StringComparison.Ordinal);
        var wrongType = good.Replace("\"o-good\"", "\"o-type\"", StringComparison.Ordinal).Replace("\"subject\":{\"reference\":\"Patient/p1\"}", "\"subject\":\"Patient/p1\"", StringComparison.Ordinal);
        var ehr = Ehr(_ => ScriptedEhr.Json($$$"""
            {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{{{good}}}},{"resource":{{{badStatus}}}},null,{"resource":{{{surrogate}}}},{"resource":{{{wrongType}}}},{"search":{"mode":"match"}}]}
            """));

        var snapshot = await Loader(ehr).LoadAsync(SessionFor(ScriptedEhr.Base), EncounterId, default);

        Assert.Equal(["o-good"], snapshot.Resources.OfType<Observation>().Select(o => o.Id));
        var warning = Assert.Single(snapshot.Warnings, w => w.StartsWith("Observations: 5 resource(s) the app cannot read were skipped", StringComparison.Ordinal));
        Assert.Contains("Observation/o-status: it holds values that are not valid FHIR (Observation.status)", warning, StringComparison.Ordinal);
        Assert.Contains("entry 3: the entry is empty", warning, StringComparison.Ordinal);
        Assert.Contains("Observation/o-text: it holds text that is not valid Unicode", warning, StringComparison.Ordinal);
        Assert.Contains("Observation/o-type: it is not FHIR the app can read", warning, StringComparison.Ordinal);
        Assert.Contains("entry 6: the entry has no resource", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_PatientGenderM_BlankedAndNamedChartStillLoaded()
    {
        var ehr = new ScriptedEhr(request => request.RequestUri!.AbsolutePath switch
        {
            "/fhir/Encounter/" + EncounterId => ScriptedEhr.Json(EncounterJson),
            "/fhir/Patient/" + PatientId => ScriptedEhr.Json(PatientJson.Replace("\"female\"", "\"M\"", StringComparison.Ordinal)),
            _ => ScriptedEhr.Json(EmptySearchset),
        });

        var snapshot = await Loader(ehr).LoadAsync(SessionFor(ScriptedEhr.Base), EncounterId, default);

        Assert.NotNull(snapshot.Patient);
        Assert.Null(snapshot.Patient.Gender);
        Assert.Contains($"Patient/{PatientId}: values that are not valid FHIR were ignored (Patient.gender).", snapshot.Warnings);
    }

    [Theory]
    [InlineData("""[{"resourceType":"Bundle"}]""", "it is not a JSON object")]
    [InlineData("""{"resourceType":"Bundle","entry":[""", "it is not valid JSON")]
    [InlineData("""{"resourceType":"OperationOutcome","issue":[]}""", "the EHR sent an OperationOutcome instead of a Bundle")]
    [InlineData("""<html><body>Gateway</body></html>""", "it is not valid JSON")]
    public async System.Threading.Tasks.Task LoadAsync_SearchAnswerIsNoBundle_WarnsPreciselyNotHttp200(string body, string reason)
    {
        var ehr = Ehr(_ => ScriptedEhr.Json(body));

        var snapshot = await Loader(ehr).LoadAsync(SessionFor(ScriptedEhr.Base), EncounterId, default);

        var warning = Assert.Single(snapshot.Warnings);
        Assert.StartsWith("Observations: not loaded, the EHR's answer to the Observations search could not be read: " + reason, warning, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP 200", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task ReadAsync_EntryLargerThanTheFirstBuffer_ReadWhole()
    {
        var note = new string('a', 300_000);
        var big = "{\"resourceType\":\"Observation\",\"id\":\"big\",\"status\":\"final\",\"code\":{\"text\":\"" + note + "\"}}";
        const string Next = "{\"resourceType\":\"Observation\",\"id\":\"next\",\"status\":\"final\",\"code\":{\"text\":\"y\"}}";
        var body = Encoding.UTF8.GetBytes("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":" + big + "},{\"resource\":" + Next
            + "}],\"link\":[{\"relation\":\"self\",\"url\":\"x\"},{\"relation\":\"next\",\"url\":\"n2\"}]}");
        var names = new List<string>();

        var summary = await BundlePageReader.ReadAsync(new MemoryStream(body), body.Length, (json, i) =>
        {
            names.Add(EntryReader.Read(json, i).Name);
            return true;
        }, default);

        Assert.Equal(["Observation/big", "Observation/next"], names);
        Assert.Equal("n2", summary.NextLink);
        Assert.False(summary.OverByteBound);
    }
}
