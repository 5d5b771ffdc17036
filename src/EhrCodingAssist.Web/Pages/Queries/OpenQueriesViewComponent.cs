using System.Text.Encodings.Web;
using EhrCodingAssist.Web.Persistence;
using EhrCodingAssist.Web.Session;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;

namespace EhrCodingAssist.Web.Pages.Queries;

/// <summary>
/// A one-line link to the documentation queries of the encounter in context, with the count that needs attention:
/// a physician's open queries, or (CDI) queries waiting for an answer and decisions not written to the chart.
/// Use on any page: <c>@await Component.InvokeAsync("OpenQueries")</c>.
/// </summary>
public sealed class OpenQueriesViewComponent(ISmartSessionAccessor sessions, AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var session = sessions.Current;
        if (session?.EncounterId is not { } encounter || session.FhirUser is not { } user)
        {
            return new HtmlContentViewComponentResult(HtmlString.Empty);
        }

        var fhirBase = session.FhirBase.AbsoluteUri;
        var mine = db.Queries.Where(q => q.FhirBase == fhirBase && q.EncounterId == encounter);
        string text;
        if (session.Role == AppRole.Physician)
        {
            var open = await mine.CountAsync(q => q.Recipient == user && q.State == QueryState.Sent, HttpContext.RequestAborted);
            text = open == 1 ? "1 open documentation query" : $"{open} open documentation queries";
        }
        else
        {
            var waiting = await mine.CountAsync(q => q.State == QueryState.Sent, HttpContext.RequestAborted);
            var notWritten = await mine.CountAsync(q => q.WriteStatus == WriteStatus.NotWritten || q.WriteStatus == WriteStatus.Failed || q.WriteStatus == WriteStatus.Invalid, HttpContext.RequestAborted);
            text = $"Documentation queries: {waiting} awaiting an answer" + (notWritten > 0 ? $", {notWritten} not written to the chart" : string.Empty);
        }

        return new HtmlContentViewComponentResult(new HtmlString(
            $"<p class=\"queries-link\" data-testid=\"open-queries\"><a href=\"/queries\">{HtmlEncoder.Default.Encode(text)}</a></p>"));
    }
}
