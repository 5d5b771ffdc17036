using System.Text;
using System.Text.Encodings.Web;

namespace EhrCodingAssist.Sandbox.Launch;

/// <summary>The one layout of every sandbox HTML page, with the development-tool banner on top.</summary>
internal static class HtmlPage
{
    public const string Banner = "Development tool: sandbox EHR with synthetic data only. Not an EHR, not for patient care.";

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    public static IResult Render(string title, string body, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append(" · Sandbox EHR (development tool)</title>")
            .Append("<style>")
            .Append("body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}")
            .Append(".dev-banner{background:#8a1c00;color:#fff;padding:.6rem 1rem;font-weight:600}")
            .Append("main{padding:1rem 1.5rem;max-width:72rem}table{border-collapse:collapse;width:100%}")
            .Append("th,td{border-bottom:1px solid #ccc;padding:.4rem .5rem;text-align:left;vertical-align:top}")
            .Append("a{color:#0b4f9c}a:focus{outline:3px solid #f0a000;outline-offset:2px}.muted{color:#555}")
            .Append("</style></head><body>")
            .Append("<div class=\"dev-banner\" role=\"banner\" data-testid=\"dev-banner\">").Append(Encode(Banner)).Append("</div>")
            .Append("<main><h1>").Append(Encode(title)).Append("</h1>")
            .Append(body)
            .Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
