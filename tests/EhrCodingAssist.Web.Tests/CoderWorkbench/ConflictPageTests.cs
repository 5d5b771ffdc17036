using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EhrCodingAssist.Web.Tests.Infrastructure;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>A stale If-Match on finalise shows the coder, on the page, what differs between their Claim and the EHR's.</summary>
public sealed partial class ConflictPageTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    [Fact]
    public async Task Finalize_StaleIfMatch_ShowsConflictChangesTable()
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr);
        CodingEhr.ReplyToTransaction(app.Ehr, "1");
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        var client = launched.Client;
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        using (var put = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent("""
            {"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y","source":"condition"}],"lines":[],"decisions":[]}
            """, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var (first, firstHtml) = await WorkbenchPageClient.PostAsync(client, "Finalize");
        first.Dispose();
        Assert.Contains("data-status=\"written\"", firstHtml, StringComparison.Ordinal);
        CodingEhr.ReplyToTransaction(app.Ehr, "1", status: 412, priority: 1);
        app.Ehr.StubFhir("Claim/claim-1", """
            {"resourceType":"Claim","id":"claim-1","meta":{"versionId":"3"},"status":"active",
             "diagnosis":[{"sequence":1,"diagnosisCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"A41.9"}]}}]}
            """);

        var (response, html) = await WorkbenchPageClient.PostAsync(client, "Finalize");
        response.Dispose();

        Assert.Contains("data-status=\"conflict\"", html, StringComparison.Ordinal);
        var table = ChangesTable().Match(html);
        Assert.True(table.Success, html[..Math.Min(html.Length, 3000)]);
        Assert.Contains("On the EHR (version 3)", table.Value, StringComparison.Ordinal);
        var rows = Row().Matches(table.Groups["body"].Value).Select(m => Cell().Matches(m.Value).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value).Trim()).ToList()).ToList();
        Assert.Contains(rows, r => r[0] == "status" && r[1] == "Draft" && r[2] == "Active");
        Assert.Contains(rows, r => r[0] == "diagnosis[1]" && r[1].StartsWith("J18.9 principal", StringComparison.Ordinal) && r[2].StartsWith("A41.9", StringComparison.Ordinal));
        Assert.Contains("data-testid=\"claim-status\">conflict<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finalize_ConflictReReadFails_ShowsTheProblemInsteadOfAnErrorPage()
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr);
        CodingEhr.ReplyToTransaction(app.Ehr, "1");
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        var (poa, _) = await WorkbenchPageClient.PostAsync(launched.Client, "Poa", ("code", "J18.9"), ("poa", "Y"));
        poa.Dispose();
        var (first, firstHtml) = await WorkbenchPageClient.PostAsync(launched.Client, "Finalize");
        first.Dispose();
        Assert.Contains("data-status=\"written\"", firstHtml, StringComparison.Ordinal);
        CodingEhr.ReplyToTransaction(app.Ehr, "1", status: 412, priority: 1);
        app.Ehr.StubFhir("Claim/claim-1", """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"exception"}]}""", status: 500);

        var (response, html) = await WorkbenchPageClient.PostAsync(launched.Client, "Finalize");
        response.Dispose();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The EHR answered HTTP 500 while finalising", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<table data-testid=\"conflict-changes\">.*?<tbody>(?<body>.*?)</tbody></table>", RegexOptions.Singleline)]
    private static partial Regex ChangesTable();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
