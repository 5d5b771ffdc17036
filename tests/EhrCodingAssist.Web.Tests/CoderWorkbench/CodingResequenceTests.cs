using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EhrCodingAssist.Web.Tests.Infrastructure;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>Pointers follow their diagnosis through the API's renumbering and the page's reorder and remove.</summary>
public sealed partial class CodingResequenceTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    private async Task<HttpClient> LaunchCoderAsync()
    {
        app.ResetState();
        return await CodingEhr.LaunchStubbedCoderAsync(app);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string body) =>
        client.PutAsync("/api/encounters/enc-1/coding", new StringContent(body, Encoding.UTF8, "application/json"));

    private static List<string?> PointedCodes(JsonNode workingSet, int line) =>
        [.. workingSet["lines"]![line]!["pointers"]!.AsArray().Select(p => (string?)workingSet["diagnoses"]!.AsArray()
            .Single(d => (int)d!["sequence"]! == (int)p!)!["code"])];

    [Fact]
    public async Task Put_GappedSequences_PointerFollowsItsDiagnosisWhenRenumbered()
    {
        var client = await LaunchCoderAsync();

        using var response = await PutAsync(client, """
            {"diagnoses":[{"code":"J96.01","sequence":1,"poa":"Y"},{"code":"J18.9","sequence":3,"poa":"Y"}],
             "lines":[{"code":"99223","system":"cpt","pointers":[3]}],"decisions":[]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["workingSet"]!;
        Assert.Equal("[2]", saved["lines"]![0]!["pointers"]!.ToJsonString());
        Assert.Equal(["J18.9"], PointedCodes(saved, 0));
    }

    [Fact]
    public async Task Put_PointerToNoDiagnosis_IsRefusedNamingTheLine()
    {
        var client = await LaunchCoderAsync();

        using var response = await PutAsync(client, """
            {"diagnoses":[{"code":"J96.01","sequence":1,"poa":"Y"},{"code":"J18.9","sequence":3,"poa":"Y"}],
             "lines":[{"code":"99223","system":"cpt","pointers":[2]}],"decisions":[]}
            """);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Line 1 (99223) points to diagnosis 2, which is not on the list.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_MoveThenRemove_PointerFollowsThenIsDroppedWithNotice()
    {
        var client = await LaunchCoderAsync();
        using (var put = await PutAsync(client, """
            {"diagnoses":[{"code":"J96.01","sequence":1,"poa":"Y"},{"code":"J18.9","sequence":2,"poa":"Y"}],
             "lines":[{"code":"99223","system":"cpt","pointers":[2]},{"code":"G0390","system":"hcpcs","pointers":[1,2]}],"decisions":[]}
            """))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await PostPageAsync(client, "Principal", ("code", "J18.9"));

        var moved = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!["workingSet"]!;
        Assert.Equal("[1]", moved["lines"]![0]!["pointers"]!.ToJsonString());
        Assert.Equal(["J18.9"], PointedCodes(moved, 0));
        Assert.Equal(["J96.01", "J18.9"], PointedCodes(moved, 1));

        var page = await PostPageAsync(client, "Remove", ("code", "J18.9"));

        Assert.Contains("Line 1 (99223) no longer points to J18.9: the diagnosis was removed.", page, StringComparison.Ordinal);
        var removed = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!["workingSet"]!;
        Assert.Equal("[]", removed["lines"]![0]!["pointers"]!.ToJsonString());
        Assert.Equal(["J96.01"], PointedCodes(removed, 1));
    }

    /// <summary>Posts a workbench form and returns the page the redirect leads to.</summary>
    private static async Task<string> PostPageAsync(HttpClient client, string handler, params (string Key, string Value)[] fields)
    {
        var token = AntiforgeryToken().Match(await client.GetStringAsync("/coding")).Groups[1].Value;
        using var form = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        using var reply = await client.PostAsync("/coding?handler=" + handler, form);
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        return await client.GetStringAsync(reply.Headers.Location!.ToString());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
