using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Web.Encounters;
using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Rest;

namespace EhrCodingAssist.Web.Findings;

/// <summary><c>GET /api/encounters/{encounterId}/findings</c>: the findings in the <c>ehrcoding analyze</c> JSON shape.</summary>
public static class FindingsApi
{
    /// <summary>Maps the endpoint; errors are RFC 9457 problem details.</summary>
    public static WebApplication MapFindingsApi(this WebApplication app)
    {
        app.MapGet("/api/encounters/{encounterId}/findings", GetAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(
        string encounterId, ISmartSessionAccessor sessions, EncounterAnalyzer analyzer, CancellationToken ct)
    {
        if (sessions.Current is not { } session)
        {
            return Problem(StatusCodes.Status401Unauthorized, "Not launched", "Launch the app from the EHR first.");
        }

        try
        {
            var analysis = await analyzer.AnalyzeAsync(session, encounterId, ct);
            var snapshot = analysis.Snapshot;
            var body = FindingsJson.Serialize(
            [
                new EncounterFindings(snapshot.EncounterReference, snapshot.PatientReference, analysis.Findings)
                {
                    Warnings = snapshot.Warnings,
                },
            ]);
            return Results.Text(body, "application/json", System.Text.Encoding.UTF8);
        }
        catch (EncounterNotInContextException e)
        {
            return Problem(StatusCodes.Status403Forbidden, "Encounter not in context", e.Message);
        }
        catch (MissingScopeException e)
        {
            return Problem(StatusCodes.Status403Forbidden, "Missing scope",
                e.Scope is null ? "The EHR refused a request for lack of a scope." : $"The EHR did not grant the scope {e.Scope}.");
        }
        catch (RelaunchRequiredException)
        {
            return Problem(StatusCodes.Status401Unauthorized, "Relaunch required", "The EHR session has ended; launch the app again from the EHR.");
        }
        catch (FhirOperationException e)
        {
            return e.Status == System.Net.HttpStatusCode.NotFound
                ? Problem(StatusCodes.Status404NotFound, "Encounter not found", "The EHR has no such encounter.")
                : Problem(StatusCodes.Status502BadGateway, "EHR error", $"The EHR answered HTTP {(int)e.Status}.");
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
