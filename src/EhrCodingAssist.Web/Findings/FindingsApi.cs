using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Web.Session;

namespace EhrCodingAssist.Web.Findings;

/// <summary><c>GET /api/encounters/{encounterId}/findings</c>: the findings in the <c>ehrcoding analyze</c> JSON shape.</summary>
public static class FindingsApi
{
    /// <summary>Maps the endpoint; errors are RFC 9457 problem details (EHR failures from <see cref="EhrFailures.EhrFailureHandler"/>).</summary>
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

        // EHR failures (and an encounter outside the launch) are answered by the one EHR failure handler.
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

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
