using System.Diagnostics;
using EhrCodingAssist.Clinical.Ingest;
using EhrCodingAssist.Clinical.Snapshot;
using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Encounters;

/// <summary>Loads everything the rules look at for one encounter from the session's EHR.</summary>
public interface IEncounterSnapshotLoader
{
    /// <summary>Loads the snapshot of <paramref name="encounterId"/> (the session's patient's encounter).</summary>
    Task<EncounterSnapshot> LoadAsync(SmartSession session, string encounterId, CancellationToken ct);
}

/// <summary>
/// Reads the Encounter and Patient and runs every search in parallel (Observations start as soon as the
/// encounter period is known), follows paging within <see cref="SnapshotOptions"/>, inlines url-only note
/// attachments, then assembles the snapshot with <see cref="SnapshotAssembler"/>.
/// </summary>
internal sealed partial class EncounterSnapshotLoader(
    IEhrFhirClientFactory clients,
    IOptions<SnapshotOptions> options,
    TimeProvider time,
    ILogger<EncounterSnapshotLoader> logger) : IEncounterSnapshotLoader
{
    public async Task<EncounterSnapshot> LoadAsync(SmartSession session, string encounterId, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var settings = options.Value;
        var client = clients.Create(session);
        var encounterTask = ReadAsync<Encounter>(client, "Encounter/" + encounterId, ct);

        var patientId = session.PatientId ?? PatientIdOf(await encounterTask);
        var patientTask = ReadAsync<Patient>(client, "Patient/" + patientId, ct);
        var searches = SnapshotSearches.ByIds(patientId, encounterId)
            .Select(s => RunAsync(client, session.FhirBase, s, settings, ct))
            .ToList();
        var observations = ObservationsAfterAsync(encounterTask, client, session.FhirBase, patientId, encounterId, settings, ct);
        searches.Add(observations);

        var encounter = await encounterTask;
        if (PatientIdOf(encounter) != patientId)
        {
            throw new EncounterNotInContextException("The encounter does not belong to the patient in context.");
        }

        var patient = await patientTask;
        var results = await System.Threading.Tasks.Task.WhenAll(searches);

        var warnings = results.Select(r => r.Warning).OfType<string>().ToList();
        var resources = Deduplicate(results.SelectMany(r => r.Resources));
        var fetcher = new NoteAttachmentFetcher(clients.CreateHttpClient(session), session.FhirBase, settings);
        warnings.AddRange(await fetcher.InlineAsync(resources.OfType<DocumentReference>(), ct));

        var assembled = SnapshotAssembler.FromResources([encounter, patient, .. resources], time.GetUtcNow())
            .First(s => s.Encounter.Id == encounter.Id);
        var snapshot = new EncounterSnapshot
        {
            Encounter = assembled.Encounter,
            Patient = assembled.Patient,
            Resources = assembled.Resources,
            NoteTexts = assembled.NoteTexts,
            Warnings = [.. warnings, .. assembled.Warnings],
            AsOf = assembled.AsOf,
        };
        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogLoaded(logger, snapshot.Resources.Count, snapshot.Warnings.Count, elapsedMs);
        return snapshot;
    }

    private static async Task<PagedSearchResult> ObservationsAfterAsync(
        Task<Encounter> encounterTask, FhirClient client, Uri fhirBase, string patientId, string encounterId, SnapshotOptions settings, CancellationToken ct)
    {
        var encounter = await encounterTask;
        var search = SnapshotSearches.Observations(patientId, encounterId, encounter.Period, settings.ObservationLookbackDays);
        return await RunAsync(client, fhirBase, search, settings, ct);
    }

    private static async Task<PagedSearchResult> RunAsync(
        FhirClient client, Uri fhirBase, SnapshotSearch search, SnapshotOptions settings, CancellationToken ct)
    {
        try
        {
            return await PagedSearch.RunAsync(client, fhirBase, search.Label, search.ResourceType, search.Query, settings, search.IncludedTypes, ct);
        }
        catch (MissingScopeException e)
        {
            var scope = e.Scope is null ? "a scope" : "the scope " + e.Scope;
            return new([], $"{search.Label}: not loaded, the EHR did not grant {scope}; findings may be incomplete.");
        }
        catch (FhirOperationException e)
        {
            return new([], $"{search.Label}: the EHR refused the search (HTTP {(int)e.Status}); findings may be incomplete.");
        }
    }

    private static async Task<T> ReadAsync<T>(FhirClient client, string location, CancellationToken ct)
        where T : Resource =>
        await client.ReadAsync<T>(location, ct: ct)
            ?? throw new FhirOperationException($"The EHR returned no {typeof(T).Name}.", System.Net.HttpStatusCode.NotFound);

    private static string PatientIdOf(Encounter encounter)
    {
        var reference = encounter.Subject?.Reference;
        var slash = reference?.LastIndexOf("Patient/", StringComparison.Ordinal) ?? -1;
        if (reference is null || slash < 0)
        {
            throw new EncounterNotInContextException("The encounter has no patient subject.");
        }

        var id = reference[(slash + "Patient/".Length)..];
        var history = id.IndexOf('/', StringComparison.Ordinal);
        return history >= 0 ? id[..history] : id;
    }

    private static List<Resource> Deduplicate(IEnumerable<Resource> resources)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return resources.Where(r => string.IsNullOrEmpty(r.Id) || seen.Add(r.TypeName + "/" + r.Id)).ToList();
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information,
        Message = "Encounter snapshot loaded: {ResourceCount} resources, {WarningCount} warnings, {ElapsedMs:F0} ms")]
    private static partial void LogLoaded(ILogger logger, int resourceCount, int warningCount, double elapsedMs);
}
