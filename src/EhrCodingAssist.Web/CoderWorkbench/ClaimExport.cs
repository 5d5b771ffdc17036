using EhrCodingAssist.Web.CoderWorkbench.Store;
using EhrCodingAssist.Web.Encounters;
using EhrCodingAssist.Web.Queries;
using EhrCodingAssist.Web.Session;
using Microsoft.EntityFrameworkCore;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>
/// <c>GET /api/encounters/{encounterId}/claim/fhir</c>: the stored Claim alone, as an <c>application/fhir+json</c>
/// download (for a Claim the EHR does not accept, to send to the clearinghouse or payer by other means).
/// </summary>
internal static class ClaimExport
{
    public const string MediaType = "application/fhir+json";

    public static async Task<IResult> GetAsync(string encounterId, ISmartSessionAccessor sessions, CodingDbContext store, CancellationToken ct)
    {
        var session = sessions.Current!;
        if (session.Role == AppRole.Physician)
        {
            throw new QueryProblemException(StatusCodes.Status403Forbidden, "Not allowed for this role", "The workbench is for coders and CDI specialists.");
        }

        if (session.EncounterId != encounterId)
        {
            throw new EncounterNotInContextException("The encounter is not the one in the launch context.");
        }

        var key = CodingService.KeyOf(session.FhirBase.AbsoluteUri, encounterId);
        var json = await store.Codings.AsNoTracking().Where(c => c.Id == key).Select(c => c.ClaimJson).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (json is null)
        {
            throw new QueryProblemException(StatusCodes.Status404NotFound, "No Claim yet", "The encounter has not been finalised.");
        }

        var fileName = "claim-" + new string([.. encounterId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')]) + ".fhir.json";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(json), MediaType, fileName);
    }
}
