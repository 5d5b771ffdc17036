using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EhrCodingAssist.Web.Tests.Infrastructure;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>More than four modifiers or pointers, units below 1 and pointers that are not numbers are refused on the page and in the API.</summary>
public sealed partial class CodingLineInputTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    private async Task<HttpClient> LaunchCoderAsync()
    {
        app.ResetState();
        return await CodingEhr.LaunchStubbedCoderAsync(app);
    }

    private static Task<HttpResponseMessage> PutLineAsync(HttpClient client, string line) =>
        client.PutAsync("/api/encounters/enc-1/coding", new StringContent(
            """{"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y"},{"code":"J96.01","sequence":2,"poa":"Y"}],"lines":[""" + line + """],"decisions":[]}""",
            Encoding.UTF8, "application/json"));

    [Theory]
    [InlineData("""{"code":"99223","system":"cpt","modifiers":["25","59","LT","RT","XS"],"units":1,"pointers":[1]}""", "Line 1 (99223) has 5 modifiers; at most 4.")]
    [InlineData("""{"code":"99223","system":"cpt","units":1,"pointers":[1,2,1,2,1]}""", "Line 1 (99223) has 5 diagnosis pointers; at most 4.")]
    [InlineData("""{"code":"99223","system":"cpt","units":0,"pointers":[1]}""", "Line 1 (99223) has 0 units; at least 1.")]
    public async Task Put_LineBeyondLimits_IsRefusedWithTheReason(string line, string reason)
    {
        var client = await LaunchCoderAsync();

        using var response = await PutLineAsync(client, line);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(problem["errors"]!.AsArray(), e => (string?)e == reason);
    }

    [Fact]
    public async Task Put_FourModifiersFourPointers_IsSaved()
    {
        var client = await LaunchCoderAsync();

        using var response = await PutLineAsync(client, """{"code":"99223","system":"cpt","modifiers":["25","59","LT","XS"],"units":2,"pointers":[1,2,1,2]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("25", "1,x", "1", "Diagnosis pointer &#x27;x&#x27; is not a diagnosis number")]
    [InlineData("25 59 LT RT XS", "1", "1", "Line 1 (99223) has 5 modifiers; at most 4.")]
    [InlineData("25", "1,2,1,2,1", "1", "Line 1 (99223) has 5 diagnosis pointers; at most 4.")]
    [InlineData("25", "1", "0", "Line 1 (99223) has 0 units; at least 1.")]
    public async Task Page_AddLineBeyondLimits_ShowsTheProblemAndSavesNothing(string modifiers, string pointers, string units, string problem)
    {
        var client = await LaunchCoderAsync();
        var token = AntiforgeryToken().Match(await client.GetStringAsync("/coding")).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "99223", ["system"] = "cpt", ["modifiers"] = modifiers, ["units"] = units, ["pointers"] = pointers,
            ["__RequestVerificationToken"] = token,
        });

        using var reply = await client.PostAsync("/coding?handler=AddLine", form);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var html = await reply.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"problems\"", html, StringComparison.Ordinal);
        Assert.Contains(problem, html, StringComparison.Ordinal);
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!;
        Assert.Empty(stored["workingSet"]!["lines"]!.AsArray());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
