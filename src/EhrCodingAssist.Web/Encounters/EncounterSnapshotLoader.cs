using System.Diagnostics;
using EhrCodingAssist.Clinical.Ingest;
using EhrCodingAssist.Clinical.Snapshot;
using EhrCodingAssist.Web.EhrFailures;
using EhrCodingAssist.Web.Encounters.Reading;
using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Model;
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
/// encounter period is known), streaming each page within <see cref="SnapshotOptions"/> and the whole load within
/// <see cref="SnapshotOptions.LoadBudget"/>, inlines url-only note attachments, then assembles the snapshot with
/// <see cref="SnapshotAssembler"/>. Only an Encounter that cannot be read fails the load: a failed search, an
/// unreadable Patient or resource, a bound reached are warnings on the page.
/// </summary>
internal sealed partial class EncounterSnapshotLoader(
    IEhrFhirClientFactory clients,
    IOptions<SnapshotOptions> options,
    IOptions<EhrHttpOptions> http,
    TimeProvider time,
    ILogger<EncounterSnapshotLoader> logger) : IEncounterSnapshotLoader
{
    public async Task<EncounterSnapshot> LoadAsync(SmartSession session, string encounterId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var started = Stopwatch.GetTimestamp();
        var settings = options.Value;
        using var timer = new CancellationTokenSource(settings.LoadBudget, time);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        var httpClient = clients.CreateHttpClient(session);
        var reader = new EhrReader(httpClient, session.FhirBase, http.Value.MaxResponseBytes);
        var encounterTask = reader.ReadAsync<Encounter>("Encounter/" + encounterId, budget.Token);

        var patientId = session.PatientId ?? PatientIdOf((await encounterTask.ConfigureAwait(false)).Resource);
        var patientTask = ReadPatientAsync(reader, patientId, budget.Token);
        var searches = SnapshotSearches.ByIds(patientId, encounterId)
            .Select(s => PagedSearch.RunAsync(reader, s, settings, budget.Token))
            .ToList();
        searches.Add(ObservationsAfterAsync(encounterTask, reader, patientId, encounterId, settings, budget.Token));

        ReadResult<Encounter> read;
        try
        {
            read = await encounterTask.ConfigureAwait(false);
        }
        catch
        {
            // Without the Encounter nothing is shown: stop the searches already running before failing.
            await budget.CancelAsync().ConfigureAwait(false);
            await DrainAsync([.. searches, patientTask]).ConfigureAwait(false);
            throw;
        }

        var (encounter, blanked) = read;
        if (PatientIdOf(encounter) != patientId)
        {
            throw new EncounterNotInContextException("The encounter does not belong to the patient in context.");
        }

        var (patient, patientWarnings) = await patientTask.ConfigureAwait(false);
        var results = await System.Threading.Tasks.Task.WhenAll(searches).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();

        var warnings = new List<string>(patientWarnings);
        if (blanked.Count > 0)
        {
            warnings.Insert(0, $"Encounter/{encounter.Id}: values that are not valid FHIR were ignored ({string.Join(", ", blanked)}).");
        }

        warnings.AddRange(results.SelectMany(r => r.Warnings));
        var resources = Deduplicate(results.SelectMany(r => r.Resources));
        var fetcher = new NoteAttachmentFetcher(httpClient, session.FhirBase, settings);
        warnings.AddRange(await fetcher.InlineAsync(resources.OfType<DocumentReference>(), budget.Token).ConfigureAwait(false));

        var assembled = SnapshotAssembler.FromResources(patient is null ? [encounter, .. resources] : [encounter, patient, .. resources], time.GetUtcNow())
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

    // The Patient is shown in the banner and read by age/sex edits, but the chart can be evaluated without it.
    private async Task<(Patient? Patient, IReadOnlyList<string> Warnings)> ReadPatientAsync(EhrReader reader, string patientId, CancellationToken ct)
    {
        try
        {
            var (patient, blanked) = await reader.ReadAsync<Patient>("Patient/" + patientId, ct).ConfigureAwait(false);
            return (patient, blanked.Count == 0 ? [] : [$"Patient/{patient.Id}: values that are not valid FHIR were ignored ({string.Join(", ", blanked)})."]);
        }
        catch (Exception e) when (e is not (RelaunchRequiredException or MissingScopeException) && EhrFailure.From(e) is { } failure)
        {
            EhrFailureLog.Skipped(logger, "Patient", failure.Kind);
            return (null, [$"Patient: not loaded, {char.ToLowerInvariant(failure.Detail[0])}{failure.Detail[1..]} The banner and age/sex edits lack it."]);
        }
    }

    private static async Task<PagedSearchResult> ObservationsAfterAsync(
        Task<ReadResult<Encounter>> encounterTask, EhrReader reader, string patientId, string encounterId, SnapshotOptions settings, CancellationToken ct)
    {
        var encounter = (await encounterTask.ConfigureAwait(false)).Resource;
        var search = SnapshotSearches.Observations(patientId, encounterId, encounter.Period, settings.ObservationLookbackDays);
        return await PagedSearch.RunAsync(reader, search, settings, ct).ConfigureAwait(false);
    }

    private static async System.Threading.Tasks.Task DrainAsync(IReadOnlyList<System.Threading.Tasks.Task> tasks)
    {
        try
        {
            await System.Threading.Tasks.Task.WhenAll(tasks).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Their outcome no longer matters: the load fails with the Encounter's own failure.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

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
