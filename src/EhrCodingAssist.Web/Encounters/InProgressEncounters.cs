using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Encounters;

/// <summary>One row of the encounter picker.</summary>
public sealed record EncounterChoice(string Id, string Class, string? Type, DateTimeOffset? Start, string? Location);

/// <summary>Lists the in-progress encounters of the session's patient, for the picker shown when none is in context.</summary>
public interface IInProgressEncounters
{
    /// <summary>The patient's in-progress encounters, newest first.</summary>
    Task<PickerResult> ListAsync(SmartSession session, CancellationToken ct);
}

/// <summary>The picker's rows and a warning when the list was cut by a bound.</summary>
public sealed record PickerResult(IReadOnlyList<EncounterChoice> Encounters, string? Warning);

/// <summary>Searches <c>Encounter?patient=…&amp;status=in-progress</c> with the snapshot's paging bounds.</summary>
internal sealed class InProgressEncounters(IEhrFhirClientFactory clients, IOptions<SnapshotOptions> options, IOptions<EhrHttpOptions> http)
    : IInProgressEncounters
{
    public async Task<PickerResult> ListAsync(SmartSession session, CancellationToken ct)
    {
        if (session.PatientId is null)
        {
            return new([], null);
        }

        var query = new SearchParams().Add("patient", session.PatientId).Add("status", "in-progress");
        var reader = new Reading.EhrReader(clients.CreateHttpClient(session), session.FhirBase, http.Value.MaxResponseBytes);
        var result = await PagedSearch.RunAsync(reader, new SnapshotSearch("Encounters", "Encounter", query), options.Value, ct);
        var rows = result.Resources.OfType<Encounter>()
            .Where(e => !string.IsNullOrEmpty(e.Id))
            .Select(ToChoice)
            .OrderByDescending(c => c.Start)
            .ToList();
        return new(rows, result.Warning);
    }

    private static EncounterChoice ToChoice(Encounter encounter) => new(
        encounter.Id!,
        EncounterText.Class(encounter),
        encounter.Type.Select(EncounterText.Concept).FirstOrDefault(t => t is not null),
        encounter.Period?.StartElement?.ToDateTimeOffset(TimeSpan.Zero),
        EncounterText.Location(encounter));
}
