using System.Security.Cryptography;
using System.Text;
using EhrCodingAssist.Smart.Authorization;
using EhrCodingAssist.Smart.Config;
using EhrCodingAssist.Smart.Discovery;
using EhrCodingAssist.Smart.Tokens;
using EhrCodingAssist.Web.Pages.Errors;
using EhrCodingAssist.Web.Session;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Launch;

/// <summary>The SMART App Launch 2.2 flow: /launch (allow-list, discovery, authorize redirect) and /callback (state, code exchange, id_token, session).</summary>
internal sealed class LaunchFlow(
    SmartRegistry registry,
    SmartDiscoveryClient discovery,
    SmartTokenClient tokens,
    IdTokenValidator idTokens,
    ProtectedStore store,
    SmartSessionStore sessions,
    SessionCookie cookie,
    TimeProvider time,
    IOptions<SmartSessionOptions> options,
    ILogger<LaunchFlow> logger)
{
    public async Task<IResult> StartAsync(HttpContext context, string? iss, string? launch)
    {
        // The allow-list check comes first: an unknown iss never causes an outgoing request or a redirect.
        if (!registry.AllowList.TryFind(iss, out var registration, out var issuer))
        {
            SmartLog.UnknownIssuer(logger);
            return ErrorPages.UnknownIssuer();
        }

        if (launch is { Length: 0 or > 4096 })
        {
            return ErrorPages.Launch(LaunchFailure.BadRequest);
        }

        var launchType = launch is null ? "standalone" : "ehr";
        if (!registration.AllowsLaunchType(launchType))
        {
            return ErrorPages.Launch(LaunchFailure.LaunchTypeNotAllowed);
        }

        SmartConfiguration config;
        try
        {
            config = await discovery.DiscoverAsync(issuer, context.RequestAborted).ConfigureAwait(false);
        }
        catch (SmartDiscoveryException ex)
        {
            SmartLog.DiscoveryFailed(logger, registration.Name, ex.Failure.ToString());
            return ErrorPages.Launch(ex.Failure == DiscoveryFailure.MissingS256 ? LaunchFailure.PkceNotSupported : LaunchFailure.DiscoveryFailed);
        }

        var syntax = ScopeSyntaxSelector.Select(config);
        var scopes = ScopeSyntaxSelector.Render(registration.Scopes, syntax);
        var state = Pkce.RandomToken();
        var verifier = Pkce.CreateVerifier();
        var browserId = cookie.Read(context) ?? Pkce.RandomToken();
        var pending = new PendingLaunch
        {
            Registration = registration.Name,
            Issuer = issuer,
            CodeVerifier = verifier,
            RequestedScopes = scopes,
            TokenEndpoint = new Uri(config.TokenEndpoint),
            JwksUri = Uri.TryCreate(config.JwksUri, UriKind.Absolute, out var jwks) ? jwks : null,
            IdTokenIssuer = config.Issuer,
            StartedAt = time.GetUtcNow(),
        };
        await store.SetAsync(PendingKey(browserId, state), pending,
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.Value.LaunchTimeout }, context.RequestAborted).ConfigureAwait(false);
        cookie.Write(context, browserId);

        var authorize = new AuthorizeRequest
        {
            AuthorizationEndpoint = new Uri(config.AuthorizationEndpoint),
            ClientId = registration.ClientId,
            RedirectUri = registration.RedirectUri,
            Scopes = scopes,
            State = state,
            CodeChallenge = Pkce.ChallengeS256(verifier),
            Audience = issuer,
            Launch = launch,
        };
        SmartLog.LaunchStarted(logger, registration.Name, launchType, syntax.ToString());
        context.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(authorize.ToUri().AbsoluteUri);
    }

    public async Task<IResult> CompleteAsync(HttpContext context, string? code, string? state, string? error)
    {
        var ct = context.RequestAborted;
        var browserId = cookie.Read(context);
        if (browserId is null)
        {
            SmartLog.CallbackRefused(logger, "no session cookie");
            return ErrorPages.Launch(LaunchFailure.SessionLost);
        }

        if (string.IsNullOrEmpty(state) || state.Length > 200)
        {
            SmartLog.CallbackRefused(logger, "missing state");
            return ErrorPages.Launch(LaunchFailure.BadState);
        }

        var key = PendingKey(browserId, state);
        var pending = await store.GetAsync<PendingLaunch>(key, ct).ConfigureAwait(false);
        if (pending is null)
        {
            SmartLog.CallbackRefused(logger, "state does not match a launch of this browser");
            return ErrorPages.Launch(LaunchFailure.BadState);
        }

        // One use only: a replayed callback finds nothing.
        await store.RemoveAsync(key, ct).ConfigureAwait(false);
        var registration = registry.AllowList.FindByName(pending.Registration);
        if (registration is null)
        {
            return ErrorPages.Launch(LaunchFailure.BadState);
        }

        if (error is not null || string.IsNullOrEmpty(code))
        {
            SmartLog.CallbackRefused(logger, error is null ? "no code" : "authorization error");
            return ErrorPages.Launch(error is null ? LaunchFailure.BadRequest : LaunchFailure.AuthorizationDenied);
        }

        TokenResponse token;
        try
        {
            token = await tokens.ExchangeCodeAsync(registry.TokenContext(registration, pending.TokenEndpoint), code, pending.CodeVerifier, ct).ConfigureAwait(false);
        }
        catch (SmartTokenException ex)
        {
            SmartLog.TokenError(logger, registration.Name, ex.Error);
            return ErrorPages.Launch(LaunchFailure.TokenRefused);
        }

        string? fhirUser = null;
        if (token.IdToken is not null)
        {
            try
            {
                if (pending.JwksUri is null)
                {
                    throw new IdTokenValidationException("The EHR issued an id_token but publishes no jwks_uri.");
                }

                var claims = await idTokens.ValidateAsync(token.IdToken, pending.JwksUri, pending.IdTokenIssuer ?? pending.Issuer.AbsoluteUri.TrimEnd('/'), registration.ClientId, ct).ConfigureAwait(false);
                fhirUser = claims.FhirUser;
            }
            catch (IdTokenValidationException ex)
            {
                SmartLog.IdTokenRejected(logger, registration.Name, ex);
                return ErrorPages.Launch(LaunchFailure.InvalidIdToken);
            }
        }

        var granted = token.Scope is null ? pending.RequestedScopes.ToHashSet(StringComparer.Ordinal) : SmartScopes.Split(token.Scope).ToHashSet(StringComparer.Ordinal);
        if (SmartScopes.FirstMissing(registration.RequiredScopes, granted) is { } missing)
        {
            SmartLog.ScopeNotGranted(logger, registration.Name);
            return ErrorPages.MissingScope(missing);
        }

        // A fresh id for the launched session (no fixation of the pre-launch cookie value).
        var sessionId = Pkce.RandomToken();
        var session = new SmartSession
        {
            Id = sessionId,
            Registration = registration.Name,
            FhirBase = pending.Issuer,
            PatientId = token.Patient,
            EncounterId = token.Encounter,
            FhirUser = fhirUser,
            GrantedScopes = granted,
            NeedPatientBanner = token.NeedPatientBanner ?? false,
            SmartStyleUrl = Uri.TryCreate(token.SmartStyleUrl, UriKind.Absolute, out var style) && style.Scheme is "https" or "http" ? style : null,
            Intent = token.Intent,
            Tenant = token.Tenant,
            FhirContext = token.FhirContext,
            Role = RoleFor(token.Intent, registration),
        };
        await sessions.SetAsync(sessionId, new SessionRecord
        {
            Context = session,
            AccessToken = token.AccessToken!,
            RefreshToken = token.RefreshToken,
            ExpiresAt = token.ExpiresIn is { } s ? time.GetUtcNow().AddSeconds(s) : null,
            TokenEndpoint = pending.TokenEndpoint,
        }, ct).ConfigureAwait(false);
        if (browserId != sessionId)
        {
            await sessions.RemoveAsync(browserId, ct).ConfigureAwait(false);
        }

        cookie.Write(context, sessionId);
        SmartLog.SessionStarted(logger, registration.Name, session.Role.ToString(), session.EncounterId is not null);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(session.EncounterId is null ? "/encounters" : "/");
    }

    internal static AppRole RoleFor(string? intent, SmartRegistration registration) =>
        Parse(intent) ?? Parse(registration.DefaultRole) ?? AppRole.Cdi;

    private static AppRole? Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "PHYSICIAN" => AppRole.Physician,
        "CDI" => AppRole.Cdi,
        "CODER" => AppRole.Coder,
        _ => null,
    };

    private static string PendingKey(string browserId, string state) =>
        "ehrca:launch:" + browserId + ":" + WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(state)));
}
