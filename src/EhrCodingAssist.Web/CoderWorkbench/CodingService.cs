using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Terminology;
using EhrCodingAssist.Web.CoderWorkbench.Store;
using EhrCodingAssist.Web.Findings;
using EhrCodingAssist.Web.Persistence;
using EhrCodingAssist.Web.Session;
using Microsoft.EntityFrameworkCore;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>An encounter as the workbench sees it: analysis, documented codes, the stored working set.</summary>
internal sealed record CodingContext(EncounterAnalysis Analysis, CodingRecord Record, WorkbenchState State, IReadOnlyList<DocumentedDiagnosis> Documented)
{
    /// <summary>Every answered query of the encounter, with or without a resulting code.</summary>
    public IReadOnlyList<AnsweredQueryView> AnsweredQueries { get; init; } = [];
}

/// <summary>Loads and saves the coder's working set and computes its edits.</summary>
internal sealed class CodingService(
    EncounterAnalyzer analyzer, CodingDbContext store, AppDbContext queries, CodingEditEngine edits, CodingReferenceData data, TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The stable key of an encounter's coding (and the Claim identifier value).</summary>
    public static string KeyOf(string fhirBase, string encounterId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fhirBase + "|" + encounterId)))[..32];

    public async Task<CodingContext> LoadAsync(SmartSession session, string encounterId, CancellationToken ct)
    {
        var analysis = await analyzer.AnalyzeAsync(session, encounterId, ct).ConfigureAwait(false);
        var fhirBase = session.FhirBase.AbsoluteUri;
        var answered = await queries.Queries.AsNoTracking()
            .Where(q => q.FhirBase == fhirBase && q.EncounterId == encounterId && q.State == QueryState.Answered)
            .Select(q => new
            {
                q.Id, q.ResultingCode, q.ResultingCodeDisplay, q.Title, q.AnswerOption, q.AnswerText, q.ClosedAt,
                Label = q.Options.Where(o => o.OptionId == q.AnswerOption).Select(o => o.Label).FirstOrDefault(),
            })
            .ToListAsync(ct).ConfigureAwait(false);
        var documented = EncounterCoding.DocumentedConditions(analysis.Snapshot)
            .Concat(answered.Where(q => q.ResultingCode != null).Select(q => new DocumentedDiagnosis(q.ResultingCode!, q.ResultingCodeDisplay, "query", "query:" + q.Id)))
            .ToList();
        var key = KeyOf(fhirBase, encounterId);
        var record = await store.Codings.SingleOrDefaultAsync(c => c.Id == key, ct).ConfigureAwait(false);
        if (record is null)
        {
            var initial = new WorkbenchState
            {
                Diagnoses = [.. documented.DistinctBy(d => d.Code, StringComparer.OrdinalIgnoreCase)
                    .Select((d, i) => new DiagnosisEntry(d.Code, i + 1) { Display = d.Display, Source = d.Source })],
                PlaceOfService = PlacesOfService.DefaultFor(EncounterCoding.ClassCode(analysis.Snapshot)),
            };
            record = new CodingRecord { Id = key, FhirBase = fhirBase, EncounterId = encounterId, WorkingSetJson = JsonSerializer.Serialize(initial, Json) };
        }

        var state = JsonSerializer.Deserialize<WorkbenchState>(record.WorkingSetJson, Json) ?? new WorkbenchState();
        return new CodingContext(analysis, record, state, documented)
        {
            AnsweredQueries = [.. answered.OrderBy(q => q.ClosedAt).Select(q => new AnsweredQueryView(
                "query:" + q.Id, q.Title, q.AnswerOption ?? string.Empty, q.Label ?? q.AnswerOption ?? string.Empty, q.AnswerText, q.ResultingCode, q.ResultingCodeDisplay, q.ClosedAt))],
        };
    }

    public IReadOnlyList<Finding> Edits(CodingContext context, WorkbenchState state) =>
        edits.Run(EncounterCoding.ToEngineInput(context.Analysis.Snapshot, state, context.Documented.Select(d => d.Code))
            with
            {
                ActiveCoverages = CoverageSelection.ActiveOn(context.Analysis.Snapshot).Count,
                Payers = CoverageSelection.PayersOn(context.Analysis.Snapshot),
            });

    /// <summary>The ICD-10-CM release for the encounter's date of service (the registry decides; nothing else falls back).</summary>
    public CodeSetResolution CodeSet(CodingContext context) => data.IcdCodeSets.Resolve(EncounterCoding.DateOfService(context.Analysis.Snapshot));

    public CodingView View(CodingContext context, SmartSession session)
    {
        var snapshot = context.Analysis.Snapshot;
        var state = context.State;
        var financial = session.Role is AppRole.Cdi or AppRole.Coder;
        return new CodingView
        {
            Encounter = snapshot.EncounterReference,
            ClaimType = EncounterCoding.ClaimType(snapshot),
            Inpatient = EncounterCoding.ToEngineInput(snapshot, state, []).IsInpatient,
            Documented = context.Documented,
            AnsweredQueries = context.AnsweredQueries,
            Suggestions = [.. context.Analysis.Findings.Where(f => f.Kind == FindingKind.Suggestion).Select(f => new SuggestionView(
                f.Rule, f.Title, f.Text, f.Codes, f.Evidence,
                state.Decisions.FirstOrDefault(d => d.Rule == f.Rule)))],
            Procedures = EncounterCoding.Procedures(snapshot),
            WorkingSet = state,
            CodeSet = CodeSetView.From(CodeSet(context)),
            Edits = [.. Edits(context, state).Select(EditView.From)],
            Impact = financial ? DiagnosisImpacts.For(state, data) : [],
            ImpactTables = financial ? DiagnosisImpacts.Tables(data) : null,
            ClaimStatus = CodingEdits.StatusName(context.Record.ClaimStatus),
            ClaimMessage = context.Record.ClaimMessage,
        };
    }

    /// <summary>Stores the working set (normalised: sequences 1..n, codes upper-case) and returns the edits it raises.</summary>
    public async Task<(WorkbenchState State, IReadOnlyList<Finding> Edits)> SaveAsync(CodingContext context, WorkbenchState state, string user, CancellationToken ct)
    {
        var normalised = Normalise(state, context);
        var record = context.Record;
        record.WorkingSetJson = JsonSerializer.Serialize(normalised, Json);
        record.UpdatedAt = time.GetUtcNow();
        record.UpdatedBy = user;
        if (store.Entry(record).State == EntityState.Detached)
        {
            store.Codings.Add(record);
        }

        try
        {
            await store.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // The Version token moved: another save came between our load and this one. Forget the unsaved change so a
            // reload in this scope reads the stored working set.
            store.ChangeTracker.Clear();
            throw new WorkingSetConflictException(ex);
        }
        catch (DbUpdateException ex) when (store.Entry(record).State == EntityState.Added)
        {
            // Two first saves of the same encounter: a conflict when the other one inserted the record first.
            store.ChangeTracker.Clear();
            if (await store.Codings.AsNoTracking().AnyAsync(c => c.Id == record.Id, ct).ConfigureAwait(false))
            {
                throw new WorkingSetConflictException(ex);
            }

            throw;
        }

        return (normalised, Edits(context, normalised));
    }

    private WorkbenchState Normalise(WorkbenchState state, CodingContext context)
    {
        var codeSet = CodeSet(context).Set;
        // Sequences become 1..n; line pointers follow their diagnosis to its new sequence. WorkbenchValidation has
        // refused pointers that name no diagnosis or more than one, so every pointer maps.
        var ordered = state.Diagnoses.OrderBy(d => d.Sequence).ToList();
        var renumbered = ordered.Select((d, i) => (Old: d.Sequence, New: i + 1)).GroupBy(x => x.Old)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().New);
        return state with
        {
            Diagnoses = [.. ordered.Select((d, i) =>
            {
                var code = d.Code.Trim().ToUpperInvariant();
                return d with
                {
                    Code = code,
                    Sequence = i + 1,
                    Poa = string.IsNullOrWhiteSpace(d.Poa) ? null : d.Poa.Trim().ToUpperInvariant(),
                    Display = d.Display ?? codeSet?.Find(code)?.LongTitle,
                };
            })],
            PlaceOfService = string.IsNullOrWhiteSpace(state.PlaceOfService) ? null : state.PlaceOfService.Trim(),
            Lines = [.. state.Lines.Select(l => l with
            {
                Code = l.Code.Trim().ToUpperInvariant(),
                System = l.System.Trim().ToLowerInvariant(),
                Modifiers = [.. l.Modifiers.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim().ToUpperInvariant())],
                Pointers = [.. l.Pointers.Select(p => renumbered.TryGetValue(p, out var n) ? n
                    : throw new InvalidOperationException($"Line {l.Code} points to {p}, which is no diagnosis; validate the working set first."))],
            })],
        };
    }
}
