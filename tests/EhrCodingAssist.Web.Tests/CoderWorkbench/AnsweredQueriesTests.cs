using System.Net;
using System.Text.Json.Nodes;
using EhrCodingAssist.Web.CoderWorkbench.Store;
using EhrCodingAssist.Web.Persistence;
using EhrCodingAssist.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>Every answered query is on the workbench with its answer, also those that produced no code.</summary>
public sealed class AnsweredQueriesTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    private async Task<HttpClient> LaunchWithAnsweredQueriesAsync()
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        launched.Client.DefaultRequestHeaders.Add("X-CSRF", "1");
        // Store a working set so the FHIR base exactly as the app keys it can be read back.
        using (var put = await launched.Client.PutAsync("/api/encounters/enc-1/coding", new StringContent(
            """{"diagnoses":[],"lines":[],"decisions":[]}""", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var scope = app.Services.CreateScope())
        {
            var fhirBase = await scope.ServiceProvider.GetRequiredService<CodingDbContext>().Codings.Select(c => c.FhirBase).SingleAsync();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Queries.Where(q => q.Id.StartsWith("aq-")).ExecuteDeleteAsync();
            var at = DateTimeOffset.Parse("2025-03-11T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
            db.Queries.AddRange(
                Answered(fhirBase, "aq-coded", "N17.9", "Acute kidney failure, unspecified", null, at, ("N17.9", "Acute kidney failure"), ("clinically-undetermined", "Clinically undetermined")),
                Answered(fhirBase, "aq-undetermined", "clinically-undetermined", null, null, at.AddHours(1), ("D62", "Acute posthemorrhagic anemia"), ("clinically-undetermined", "Clinically undetermined")),
                Answered(fhirBase, "aq-other", "other", null, "Anemia of chronic disease", at.AddHours(2), ("D62", "Acute posthemorrhagic anemia"), ("other", "Other")));
            await db.SaveChangesAsync();
        }

        return launched.Client;
    }

    private static QueryRecord Answered(string fhirBase, string id, string option, string? display, string? text, DateTimeOffset at, params (string Id, string Label)[] options) => new()
    {
        Id = id, FhirBase = fhirBase, EncounterId = "enc-1", PatientId = "pat-1", RuleId = "r-" + id, RuleVersion = "1",
        Topic = "t", Title = "Query " + id, Text = "Please clarify.", Author = "Practitioner/sandbox-cdi", Recipient = "Practitioner/doc",
        State = QueryState.Answered, CreatedAt = at.AddDays(-1), ClosedAt = at, AnswerOption = option, AnswerText = text,
        ResultingCode = display is null ? null : option, ResultingCodeDisplay = display,
        Options = [.. options.Select((o, i) => new QueryOptionRecord { Ordinal = i, OptionId = o.Id, Label = o.Label })],
    };

    [Fact]
    public async Task Get_AnsweredQueries_ListsAllWithTheirAnswers()
    {
        var client = await LaunchWithAnsweredQueriesAsync();

        var view = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!;

        var answered = view["answeredQueries"]!.AsArray();
        Assert.Equal(["query:aq-coded", "query:aq-undetermined", "query:aq-other"], answered.Select(q => (string?)q!["reference"]));
        Assert.Equal("Clinically undetermined", (string?)answered[1]!["answerLabel"]);
        Assert.Null(answered[1]!["code"]);
        Assert.Equal("other", (string?)answered[2]!["answer"]);
        Assert.Equal("Anemia of chronic disease", (string?)answered[2]!["answerText"]);
        Assert.Equal("N17.9", (string?)answered[0]!["code"]);
        // Only the coded answer is a documented diagnosis.
        Assert.Single(view["documented"]!.AsArray(), d => (string?)d!["source"] == "query");
    }

    [Fact]
    public async Task Page_AnsweredQueries_ShowsUncodedAnswers()
    {
        var client = await LaunchWithAnsweredQueriesAsync();

        using var response = await client.GetAsync("/coding");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-answer=\"clinically-undetermined\">Query aq-undetermined: <strong>Clinically undetermined</strong>", html, StringComparison.Ordinal);
        Assert.Contains("data-answer=\"other\">Query aq-other: <strong>Other</strong> — “Anemia of chronic disease”", html, StringComparison.Ordinal);
        Assert.Contains("<code>N17.9</code>", html, StringComparison.Ordinal);
    }
}
