using System.Security.Cryptography;
using System.Text;
using EhrCodingAssist.Sandbox.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EhrCodingAssist.Sandbox.Auth;

/// <summary>
/// POST /auth/token: authorization_code (PKCE verified, code single use, redirect_uri must match) and
/// refresh_token grants, both with private_key_jwt client authentication.
/// </summary>
internal static class TokenEndpoint
{
    public static void MapToken(this WebApplication app) => app.MapPost("/auth/token", TokenAsync).DisableAntiforgery();

    private static async Task<IResult> TokenAsync(
        HttpRequest request, SandboxUrls urls, SandboxOptions options, AuthStore auth, SigningKeys keys, ClientAssertionValidator clients)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (!request.HasFormContentType)
        {
            return Error("invalid_request", "Send application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        string? F(string name) => form[name].FirstOrDefault();

        var clientError = await clients.ValidateAsync(F("client_assertion_type"), F("client_assertion"), F("client_id"), request.HttpContext.RequestAborted);
        if (clientError is not null)
        {
            return Error("invalid_client", clientError, StatusCodes.Status401Unauthorized);
        }

        return F("grant_type") switch
        {
            "authorization_code" => Code(F("code"), F("redirect_uri"), F("code_verifier"), urls, options, auth, keys),
            "refresh_token" => Refresh(F("refresh_token"), F("scope"), urls, options, auth, keys),
            _ => Error("unsupported_grant_type", "grant_type must be authorization_code or refresh_token."),
        };
    }

    private static IResult Code(
        string? code, string? redirectUri, string? verifier, SandboxUrls urls, SandboxOptions options, AuthStore auth, SigningKeys keys)
    {
        if (string.IsNullOrEmpty(code))
        {
            return Error("invalid_request", "code is required.");
        }

        var issued = auth.RedeemCode(code, out var replayed);
        if (issued is null)
        {
            return Error("invalid_grant", replayed ? "The code was already used; tokens issued from it are revoked." : "The code is unknown or expired.");
        }

        if (issued.RedirectUri != redirectUri)
        {
            return Error("invalid_grant", "redirect_uri does not match the authorization request.");
        }

        if (string.IsNullOrEmpty(verifier) || !FixedTimeEquals(AuthorizeEndpoint.Challenge(verifier), issued.CodeChallenge))
        {
            return Error("invalid_grant", "code_verifier does not match the code_challenge.");
        }

        var grant = new TokenGrant(issued.ClientId, issued.Scopes, issued.PatientId, issued.EncounterId, issued.Role, auth.Now.Add(options.AccessTokenLifetime), code);
        return Issue(grant, refreshToken: auth.AddRefreshToken(grant with { Expires = auth.Now.AddDays(1) }), issued.Nonce, urls, auth, keys);
    }

    private static IResult Refresh(string? refreshToken, string? scope, SandboxUrls urls, SandboxOptions options, AuthStore auth, SigningKeys keys)
    {
        var stored = string.IsNullOrEmpty(refreshToken) ? null : auth.FindRefreshToken(refreshToken);
        if (stored is null || stored.ClientId != urls.ClientId)
        {
            return Error("invalid_grant", "The refresh token is unknown, expired or revoked.");
        }

        var scopes = stored.Scopes;
        if (!string.IsNullOrWhiteSpace(scope))
        {
            var asked = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (asked.Any(s => !stored.Scopes.Contains(s)))
            {
                return Error("invalid_scope", "A refresh may only narrow the granted scopes.");
            }

            scopes = new ScopeSet(asked);
        }

        var grant = stored with { Scopes = scopes, Expires = auth.Now.Add(options.AccessTokenLifetime) };
        return Issue(grant, refreshToken!, nonce: null, urls, auth, keys);
    }

    private static IResult Issue(TokenGrant grant, string refreshToken, string? nonce, SandboxUrls urls, AuthStore auth, SigningKeys keys)
    {
        var fhirUser = FhirUser(grant.Role);
        var body = new Dictionary<string, object>
        {
            ["access_token"] = auth.AddAccessToken(grant),
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)(grant.Expires - auth.Now).TotalSeconds,
            ["scope"] = grant.Scopes.ToString(),
            ["refresh_token"] = refreshToken,
            ["need_patient_banner"] = true,
            ["smart_style_url"] = urls.StyleUrl,
            ["fhirUser"] = fhirUser,
        };
        if (grant.PatientId is not null)
        {
            body["patient"] = grant.PatientId;
        }

        if (grant.EncounterId is not null && (grant.Scopes.Contains("launch") || grant.Scopes.Contains("launch/encounter")))
        {
            body["encounter"] = grant.EncounterId;
            body["fhirContext"] = new[] { new Dictionary<string, string> { ["reference"] = "Encounter/" + grant.EncounterId } };
        }

        if (grant.Role is not null)
        {
            body["intent"] = grant.Role;
        }

        if (grant.Scopes.Contains("openid") && (grant.Scopes.Contains("fhirUser") || grant.Scopes.Contains("profile")))
        {
            body["id_token"] = IdToken(grant, fhirUser, nonce, urls, auth, keys);
        }

        return Results.Json(body, statusCode: StatusCodes.Status200OK);
    }

    /// <summary>The Practitioner that stands for a launch role; standalone launches without a role are the physician.</summary>
    public static string FhirUser(string? role) => role switch
    {
        "cdi" => "Practitioner/sandbox-cdi",
        "coder" => "Practitioner/sandbox-coder",
        _ => "Practitioner/sandbox-physician",
    };

    private static string IdToken(TokenGrant grant, string fhirUser, string? nonce, SandboxUrls urls, AuthStore auth, SigningKeys keys)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = fhirUser["Practitioner/".Length..],
            ["fhirUser"] = urls.FhirBase + "/" + fhirUser,
        };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = urls.FhirBase,
            Audience = grant.ClientId,
            IssuedAt = auth.Now.UtcDateTime,
            NotBefore = auth.Now.UtcDateTime,
            Expires = auth.Now.AddHours(1).UtcDateTime,
            Claims = claims,
            SigningCredentials = keys.Credentials,
        });
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static IResult Error(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
