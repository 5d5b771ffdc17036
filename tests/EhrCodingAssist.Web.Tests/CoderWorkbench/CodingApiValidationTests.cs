using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EhrCodingAssist.Web.Tests.Infrastructure;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>PUT working-set validation answers like the query API: 422 problems naming the field; 400 for JSON that does not parse.</summary>
public sealed class CodingApiValidationTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    private async Task<HttpClient> LaunchCoderAsync()
    {
        app.ResetState();
        return await CodingEhr.LaunchStubbedCoderAsync(app);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string body) =>
        client.PutAsync("/api/encounters/enc-1/coding", new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task Put_InvalidPoa_Returns422ProblemWithErrors()
    {
        var client = await LaunchCoderAsync();

        using var response = await PutAsync(client, """{"diagnoses":[{"code":"J18.9","sequence":1,"poa":"X"}],"lines":[],"decisions":[]}""");

        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(422, (int)problem["status"]!);
        Assert.Equal("Invalid working set", (string?)problem["title"]);
        Assert.Contains(problem["errors"]!.AsArray(), e => (string?)e == "POA of J18.9 must be Y, N, U, W or 1.");
    }

    [Theory]
    [InlineData("""{"diagnoses":[{"code":null,"sequence":1}],"lines":[],"decisions":[]}""", "diagnoses[0].code")]
    [InlineData("""{"diagnoses":[{"code":"J18.9","sequence":1}],"lines":[{"code":"99223","system":null}],"decisions":[]}""", "lines[0].system")]
    [InlineData("""{"diagnoses":[{"code":"J18.9","sequence":1}],"lines":[{"code":null,"system":"cpt"}],"decisions":[]}""", "lines[0].code")]
    [InlineData("""{"diagnoses":[{"code":"J18.9","sequence":1}],"lines":[{"code":"99223","system":"cpt","modifiers":null}],"decisions":[]}""", "lines[0].modifiers")]
    [InlineData("""{"diagnoses":[{"code":"J18.9","sequence":1}],"lines":[{"code":"99223","system":"cpt","modifiers":["25",null]}],"decisions":[]}""", "lines[0].modifiers[1]")]
    [InlineData("""{"diagnoses":[{"code":"J18.9","sequence":1}],"lines":[{"code":"99223","system":"cpt","pointers":null}],"decisions":[]}""", "lines[0].pointers")]
    [InlineData("""{"diagnoses":null,"lines":[],"decisions":[]}""", "diagnoses")]
    [InlineData("""{"diagnoses":[null],"lines":[],"decisions":[]}""", "diagnoses[0]")]
    [InlineData("""{"diagnoses":[],"lines":[null],"decisions":null}""", "lines[0]")]
    [InlineData("""{"diagnoses":[],"lines":[],"decisions":[{"rule":null,"code":"Z68.41","decision":"accepted"}]}""", "decisions[0].rule")]
    public async Task Put_JsonNullInRequiredField_Returns422NamingTheField(string body, string field)
    {
        var client = await LaunchCoderAsync();

        using var response = await PutAsync(client, body);

        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem["errors"]!.AsArray(), e => (string?)e == field + " is required (null given).");
    }

    [Theory]
    [InlineData("""{"diagnoses":[{"code":"J18.9","sequence":1}""")]
    [InlineData("""{"diagnoses":[{"code":"J18.9","sequence":"first"}]}""")]
    [InlineData("""{"lines":[{"code":"99223","system":"cpt","units":null}]}""")]
    [InlineData("null")]
    public async Task Put_JsonThatDoesNotParse_Returns400Problem(string body)
    {
        var client = await LaunchCoderAsync();

        using var response = await PutAsync(client, body);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Malformed JSON", (string?)problem["title"]);
    }

    [Fact]
    public async Task Put_JsonThatDoesNotParse_NamesWhere()
    {
        var client = await LaunchCoderAsync();

        using var response = await PutAsync(client, """{"diagnoses":[{"code":"J18.9","sequence":"first"}]}""");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.diagnoses[0].sequence", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_NotJson_Returns415Problem()
    {
        var client = await LaunchCoderAsync();

        using var response = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent("diagnoses=J18.9", Encoding.UTF8, "text/plain"));

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Put_OmittedOptionalLists_IsSaved()
    {
        var client = await LaunchCoderAsync();

        using var response = await PutAsync(client, """{"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y"}],"lines":[{"code":"99223","system":"cpt"}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["workingSet"]!;
        Assert.Equal("[]", saved["lines"]![0]!["modifiers"]!.ToJsonString());
    }
}
