using System.Security.Cryptography;
using System.Text;
using EhrCodingAssist.Sandbox.Fhir;
using EhrCodingAssist.Sandbox.Hosting;
using EhrCodingAssist.Sandbox.Launch;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;

namespace EhrCodingAssist.Sandbox.Auth;

/// <summary>
/// GET /auth/authorize: auto-approves (no login page). A client or redirect_uri that is not registered gets an
/// error page and no redirect (no open redirect); every other problem goes back to the redirect_uri as an
/// OAuth error. EHR launches need a launch value the sandbox issued; a standalone launch asking for
/// launch/patient gets a simple patient picker.
/// </summary>
internal static class AuthorizeEndpoint
{
    private static readonly HashSet<string> NonClinicalScopes = new(StringComparer.Ordinal)
    {
        "openid", "fhirUser", "profile", "launch", "launch/patient", "launch/encounter", "offline_access", "online_access",
    };

    public static void MapAuthorize(this WebApplication app) => app.MapGet("/auth/authorize", Authorize);

    private static IResult Authorize(HttpRequest request, SandboxUrls urls, AuthStore auth, ResourceStore store)
    {
        string? Q(string name) => request.Query[name].FirstOrDefault();

        if (Q("client_id") != urls.ClientId)
        {
            return HtmlPage.Render("Authorization refused", "<p>Unknown client_id.</p>", StatusCodes.Status400BadRequest);
        }

        var redirectUri = Q("redirect_uri");
        if (redirectUri is null || !urls.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            return HtmlPage.Render("Authorization refused", "<p>The redirect_uri is not registered for this client.</p>", StatusCodes.Status400BadRequest);
        }

        var state = Q("state");
        IResult Error(string error, string description) => Results.Redirect(QueryHelpers.AddQueryString(redirectUri, new Dictionary<string, string?>
        {
            ["error"] = error,
            ["error_description"] = description,
            ["state"] = state,
        }));

        if (Q("response_type") != "code")
        {
            return Error("unsupported_response_type", "response_type must be code.");
        }

        if (string.IsNullOrEmpty(state))
        {
            return Error("invalid_request", "state is required.");
        }

        if (Q("aud")?.TrimEnd('/') != urls.FhirBase)
        {
            return Error("invalid_request", "aud must be the FHIR base URL " + urls.FhirBase + ".");
        }

        var challenge = Q("code_challenge");
        if (Q("code_challenge_method") != "S256" || string.IsNullOrEmpty(challenge))
        {
            return Error("invalid_request", "PKCE with code_challenge_method S256 is required.");
        }

        var requested = (Q("scope") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var scopes = new ScopeSet(requested.Where(s => NonClinicalScopes.Contains(s) || ScopeSet.IsClinicalScope(s)));
        string? patientId = null, encounterId = null, role = null;
        if (scopes.Contains("launch"))
        {
            var launch = auth.FindLaunch(Q("launch"));
            if (launch is null)
            {
                return Error("invalid_request", "launch is missing, unknown or expired.");
            }

            (patientId, encounterId, role) = (launch.PatientId, launch.EncounterId, launch.Role);
        }
        else if (scopes.Contains("launch/patient"))
        {
            patientId = Q("sandbox_patient");
            role = Q("sandbox_role") is "physician" or "cdi" or "coder" ? Q("sandbox_role") : null;
            if (patientId is null || store.Read("Patient", patientId, out _) is null)
            {
                return PatientPicker(request, store);
            }
        }

        var code = auth.AddCode(new AuthorizationCode(
            urls.ClientId, redirectUri, challenge, scopes, patientId, encounterId, role, Q("nonce"), auth.Now.AddMinutes(5)));
        return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, new Dictionary<string, string?> { ["code"] = code, ["state"] = state }));
    }

    /// <summary>The S256 code challenge of a verifier (RFC 7636).</summary>
    public static string Challenge(string verifier) => AuthStore.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static IResult PatientPicker(HttpRequest request, ResourceStore store)
    {
        var rows = new StringBuilder();
        foreach (var patient in store.List("Patient").Select(p => (Patient)p.Resource))
        {
            var name = patient.Name.FirstOrDefault();
            rows.Append("<li>").Append(HtmlPage.Encode($"{name?.Family}, {string.Join(' ', name?.Given ?? [])}")).Append(':');
            foreach (var role in new[] { "physician", "cdi", "coder" })
            {
                var url = QueryHelpers.AddQueryString(request.Path + request.QueryString, new Dictionary<string, string?>
                {
                    ["sandbox_patient"] = patient.Id,
                    ["sandbox_role"] = role,
                });
                rows.Append(" <a href=\"").Append(HtmlPage.Encode(url)).Append("\">as ").Append(role).Append("</a>");
            }

            rows.Append("</li>");
        }

        return HtmlPage.Render("Choose a patient", "<p>Standalone launch: pick the patient to open.</p><ul>" + rows + "</ul>");
    }
}
