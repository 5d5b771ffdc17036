using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace EhrCodingAssist.Web.Tests.Infrastructure;

/// <summary>What the WireMock EHR answers during <see cref="AppFactory.LaunchAsync"/>.</summary>
public sealed record LaunchSpec
{
    /// <summary>The EHR's launch value; null makes it a standalone launch.</summary>
    public string? Launch { get; init; } = "launch-1";

    /// <summary>Patient in context.</summary>
    public string? Patient { get; init; } = "pat-1";

    /// <summary>Encounter in context; null sends the app to the encounter picker.</summary>
    public string? Encounter { get; init; } = "enc-1";

    /// <summary>intent (physician, cdi, coder) or null.</summary>
    public string? Intent { get; init; } = "cdi";

    /// <summary>Granted scopes; null echoes what the app requested.</summary>
    public string? GrantedScope { get; init; }

    /// <summary>Access token issued.</summary>
    public string AccessToken { get; init; } = "at-1";

    /// <summary>Refresh token issued (null for none).</summary>
    public string? RefreshToken { get; init; } = "rt-1";

    /// <summary>Access token lifetime in seconds.</summary>
    public int ExpiresIn { get; init; } = 3600;

    /// <summary>fhirUser in the id_token.</summary>
    public string FhirUser { get; init; } = "Practitioner/sandbox-cdi";

    /// <summary>need_patient_banner.</summary>
    public bool NeedPatientBanner { get; init; } = true;

    /// <summary>smart_style_url (null for none).</summary>
    public string? SmartStyleUrl { get; init; }
}

/// <summary>A launched browser: a client carrying the session cookie, and what happened on the way.</summary>
public sealed record LaunchedSession(HttpClient Client, CookieContainer Cookies, string SessionId, Uri AuthorizeRedirect, HttpResponseMessage Callback);

internal static class LaunchHelper
{
    public static async Task<LaunchedSession> LaunchAsync(AppFactory app, LaunchSpec spec)
    {
        var ehr = app.Ehr;
        var body = new Dictionary<string, object?>
        {
            ["access_token"] = spec.AccessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = spec.ExpiresIn,
            ["scope"] = spec.GrantedScope,
            ["refresh_token"] = spec.RefreshToken,
            ["id_token"] = ehr.IdToken(spec.FhirUser),
            ["patient"] = spec.Patient,
            ["encounter"] = spec.Encounter,
            ["intent"] = spec.Intent,
            ["need_patient_banner"] = spec.NeedPatientBanner,
            ["smart_style_url"] = spec.SmartStyleUrl,
        };
        foreach (var key in body.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
        {
            body.Remove(key);
        }

        ehr.StubCodeExchange(body);
        var (client, cookies) = app.CreateClientWithCookies();
        var launchUrl = "/launch?iss=" + Uri.EscapeDataString(ehr.FhirBase) + (spec.Launch is null ? "" : "&launch=" + Uri.EscapeDataString(spec.Launch));
        using var launch = await client.GetAsync(launchUrl);
        if (launch.StatusCode != HttpStatusCode.Redirect || launch.Headers.Location is null)
        {
            throw new InvalidOperationException($"/launch answered {(int)launch.StatusCode}: {await launch.Content.ReadAsStringAsync()}");
        }

        var authorize = launch.Headers.Location;
        var state = QueryHelpers.ParseQuery(authorize.Query)["state"].ToString();
        var callback = await client.GetAsync("/callback?code=code-1&state=" + Uri.EscapeDataString(state));
        if (callback.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"/callback answered {(int)callback.StatusCode}: {await callback.Content.ReadAsStringAsync()}");
        }

        return new LaunchedSession(client, cookies, app.SessionId(cookies)!, authorize, callback);
    }
}
