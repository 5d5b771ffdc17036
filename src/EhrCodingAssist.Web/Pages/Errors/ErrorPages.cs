using EhrCodingAssist.Smart.Authorization;
using EhrCodingAssist.Web.Launch;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EhrCodingAssist.Web.Pages.Errors;

/// <summary>The launch/session error pages as results with their status codes (400, 401, 403).</summary>
public static class ErrorPages
{
    /// <summary>400: the iss is not in the allow-list.</summary>
    public static IResult UnknownIssuer() => NoStore(new RazorComponentResult<UnknownIssuerPage> { StatusCode = StatusCodes.Status400BadRequest });

    /// <summary>A launch failure page (400 for bad requests, 401 for refused authorization).</summary>
    public static IResult Launch(LaunchFailure failure) => NoStore(new RazorComponentResult<LaunchErrorPage>(new { Failure = failure })
    {
        StatusCode = failure is LaunchFailure.AuthorizationDenied or LaunchFailure.TokenRefused or LaunchFailure.InvalidIdToken
            ? StatusCodes.Status401Unauthorized
            : StatusCodes.Status400BadRequest,
    });

    /// <summary>401: relaunch from the EHR.</summary>
    public static IResult Relaunch() => NoStore(new RazorComponentResult<RelaunchPage> { StatusCode = StatusCodes.Status401Unauthorized });

    /// <summary>403: names the missing scope (only when it is valid scope syntax, so nothing else is echoed).</summary>
    public static IResult MissingScope(string? scope)
    {
        var safe = scope is not null && (SmartScopes.IsV2(scope) || SmartScopes.IsV1(scope) || SmartScopes.IsNonResource(scope)) ? scope : null;
        return NoStore(new RazorComponentResult<MissingScopePage>(new { Scope = safe }) { StatusCode = StatusCodes.Status403Forbidden });
    }

    /// <summary>An EHR failure (<see cref="EhrFailures.EhrFailure"/>) with its status: title and readable detail.</summary>
    public static IResult Ehr(int status, string title, string detail) =>
        NoStore(new RazorComponentResult<EhrErrorPage>(new { Title = title, Detail = detail }) { StatusCode = status });

    private static NoStoreResult NoStore(IResult inner) => new(inner);

    private sealed class NoStoreResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
