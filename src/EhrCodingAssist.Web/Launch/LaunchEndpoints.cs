using EhrCodingAssist.Web.Pages.Errors;

namespace EhrCodingAssist.Web.Launch;

/// <summary>Maps GET /launch, GET /callback, GET /.well-known/jwks.json and the /error pages.</summary>
internal static class LaunchEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/launch", (HttpContext context, LaunchFlow flow, string? iss, string? launch) =>
            flow.StartAsync(context, iss, launch)).ExcludeFromDescription();

        app.MapGet("/callback", (HttpContext context, LaunchFlow flow, string? code, string? state, string? error) =>
            flow.CompleteAsync(context, code, state, error)).ExcludeFromDescription();

        app.MapGet("/.well-known/jwks.json", (SmartRegistry registry, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Json(new { keys = registry.Keys.PublicKeys }, contentType: "application/json");
        });

        var errors = app.MapGroup("/error").ExcludeFromDescription();
        errors.MapGet("/unknown-issuer", ErrorPages.UnknownIssuer);
        errors.MapGet("/relaunch", ErrorPages.Relaunch);
        errors.MapGet("/missing-scope", (string? scope) => ErrorPages.MissingScope(scope));
        errors.MapGet("/launch", () => ErrorPages.Launch(LaunchFailure.BadRequest));
    }
}
