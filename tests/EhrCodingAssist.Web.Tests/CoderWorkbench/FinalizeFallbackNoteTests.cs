using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>
/// Finalising an inpatient FY2025 encounter while only the FY2024 POA exempt list is loaded: the Claim goes out, and its
/// stored message and history record that POA was checked against the FY2024 list.
/// </summary>
public sealed class FinalizeFallbackNoteTests(PoaExemptFy2024AppFactory app) : IClassFixture<PoaExemptFy2024AppFactory>
{
    private const string WorkingSet = """
        {"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y","source":"condition"}],"lines":[],"decisions":[]}
        """;

    [Fact]
    public async Task Finalize_PoaExemptListOfAnEarlierYear_TheNoteIsKeptWithTheClaim()
    {
        var client = await CodingEhr.LaunchStubbedCoderAsync(app);
        CodingEhr.ReplyToTransaction(app.Ehr, "1");
        using (var put = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent(WorkingSet, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var response = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        const string Note = "POA exempt list FY2025 is not loaded: POA is checked against the FY2024 list.";
        Assert.Contains(Note, (string?)JsonNode.Parse(body)!["message"], StringComparison.Ordinal);
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/claim"))!;
        Assert.Equal("written", (string?)stored["writeStatus"]);
        Assert.Contains(Note, (string?)stored["message"], StringComparison.Ordinal);
        Assert.Contains(Note, (string?)stored["history"]!.AsArray()[^1]!["message"], StringComparison.Ordinal);
        Assert.DoesNotContain("ICD-10-CM", (string?)stored["message"], StringComparison.Ordinal); // the FY2025 release is loaded
    }
}
