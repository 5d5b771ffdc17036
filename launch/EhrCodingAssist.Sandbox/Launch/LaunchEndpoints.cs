using System.Text;
using EhrCodingAssist.Sandbox.Auth;
using EhrCodingAssist.Sandbox.Fhir;
using EhrCodingAssist.Sandbox.Hosting;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;

namespace EhrCodingAssist.Sandbox.Launch;

/// <summary>The launch page (GET /) and the launch links (GET /launch-app) that start an EHR launch of the app.</summary>
internal static class LaunchEndpoints
{
    public static readonly string[] Roles = ["physician", "cdi", "coder"];

    private static readonly Dictionary<string, string> RoleLabels = new(StringComparer.Ordinal)
    {
        ["physician"] = "Physician",
        ["cdi"] = "CDI specialist",
        ["coder"] = "Coder",
    };

    public static void MapLaunch(this WebApplication app)
    {
        app.MapGet("/", LaunchPage);
        app.MapGet("/launch-app", LaunchApp);
    }

    private static IResult LaunchApp(string? encounter, string? role, SandboxUrls urls, ResourceStore store, AuthStore auth)
    {
        if (role is null || !RoleLabels.ContainsKey(role))
        {
            return HtmlPage.Render("Launch refused", "<p>role must be physician, cdi or coder.</p>", StatusCodes.Status400BadRequest);
        }

        if (encounter is null || store.Read("Encounter", encounter, out _)?.Resource is not Encounter found ||
            References.Local(found.Subject?.Reference, store.FhirBase) is not { } subject || !subject.StartsWith("Patient/", StringComparison.Ordinal))
        {
            return HtmlPage.Render("Launch refused", "<p>No such encounter with a patient.</p>", StatusCodes.Status404NotFound);
        }

        var launch = auth.AddLaunch(subject["Patient/".Length..], found.Id, role);
        return Results.Redirect(QueryHelpers.AddQueryString(urls.AppBase + "/launch", new Dictionary<string, string?>
        {
            ["iss"] = urls.FhirBase,
            ["launch"] = launch,
        }));
    }

    private static IResult LaunchPage(SandboxUrls urls, ResourceStore store)
    {
        var body = new StringBuilder()
            .Append("<p>Launch the app for an in-progress inpatient encounter, as one of three users. ")
            .Append("FHIR base: <code>").Append(HtmlPage.Encode(urls.FhirBase)).Append("</code> · ")
            .Append("<a href=\"/fhir/.well-known/smart-configuration\">SMART configuration</a> · ")
            .Append("<a href=\"/fhir/metadata\">CapabilityStatement</a> · ")
            .Append(store.Count).Append(" resources in the store.</p>")
            .Append("<table><caption class=\"muted\">Encounters in progress</caption><thead><tr>")
            .Append("<th scope=\"col\">Patient</th><th scope=\"col\">Encounter</th><th scope=\"col\">Reason</th>")
            .Append("<th scope=\"col\">Admitted</th><th scope=\"col\">Launch as</th></tr></thead><tbody>");

        foreach (var encounter in store.List("Encounter").Select(e => (Encounter)e.Resource).Where(e => e.Status == Encounter.EncounterStatus.InProgress))
        {
            var patient = References.Local(encounter.Subject?.Reference, store.FhirBase) is { } subject ? store.Read(subject)?.Resource as Patient : null;
            var name = patient?.Name.FirstOrDefault();
            body.Append("<tr data-encounter=\"").Append(HtmlPage.Encode(encounter.Id)).Append("\"><td>")
                .Append(HtmlPage.Encode(name is null ? "(unknown)" : $"{name.Family}, {string.Join(' ', name.Given)}"))
                .Append("<br><span class=\"muted\">").Append(HtmlPage.Encode($"{patient?.Gender} · born {patient?.BirthDate}")).Append("</span></td>")
                .Append("<td>").Append(HtmlPage.Encode(encounter.Id)).Append("<br><span class=\"muted\">")
                .Append(HtmlPage.Encode(encounter.Class?.Code)).Append("</span></td>")
                .Append("<td>").Append(HtmlPage.Encode(string.Join("; ", encounter.ReasonCode.Select(r => r.Text ?? r.Coding.FirstOrDefault()?.Display)))).Append("</td>")
                .Append("<td>").Append(HtmlPage.Encode(encounter.Period?.Start)).Append("</td><td>");
            foreach (var role in Roles)
            {
                body.Append("<a href=\"").Append(HtmlPage.Encode(urls.LaunchLink(encounter.Id!, role).Replace(urls.EhrBase, string.Empty, StringComparison.Ordinal)))
                    .Append("\" data-role=\"").Append(role).Append("\">").Append(HtmlPage.Encode(RoleLabels[role])).Append("</a> ");
            }

            body.Append("</td></tr>");
        }

        body.Append("</tbody></table>");
        return HtmlPage.Render("Sandbox EHR: launch EhrCodingAssist", body.ToString());
    }
}
