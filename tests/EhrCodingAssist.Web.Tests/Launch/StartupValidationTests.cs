using System.Net;
using EhrCodingAssist.Web.Tests.Infrastructure;

namespace EhrCodingAssist.Web.Tests.Launch;

public sealed class StartupValidationTests
{
    [Fact]
    public void Start_InvalidSmartConfig_FailsNamingFileAndField()
    {
        using var app = new AppFactory();
        var file = Path.Combine(app.ConfigDirectory, "test.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"RS384\"", "\"HS256\"", StringComparison.Ordinal));

        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("test.json: client_auth.alg: must be RS384 or ES384", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SecretInConfigFile_IsRejectedAsUnknownField()
    {
        using var app = new AppFactory();
        var file = Path.Combine(app.ConfigDirectory, "test.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"kid\"", "\"client_secret\":\"hunter2\",\"kid\"", StringComparison.Ordinal));

        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("test.json: client_auth.client_secret", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_StandaloneWhenOnlyEhrLaunchRegistered_Returns400WithoutRequest()
    {
        using var app = new AppFactory();
        var file = Path.Combine(app.ConfigDirectory, "test.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("[\"ehr\",\"standalone\"]", "[\"ehr\"]", StringComparison.Ordinal));
        var (client, _) = app.CreateClientWithCookies();

        using var response = await client.GetAsync("/launch?iss=" + Uri.EscapeDataString(app.Ehr.FhirBase));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not enabled", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Ehr.Server.LogEntries);
    }
}

public sealed class CapabilityStatementFallbackTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Launch_NoSmartConfiguration_UsesCapabilityStatementOAuthUrisAndV1Scopes()
    {
        app.Ehr.Reset(smartConfiguration: false);
        app.Ehr.StubCapabilityStatement();
        var (client, _) = app.CreateClientWithCookies();

        using var response = await client.GetAsync("/launch?launch=l1&iss=" + Uri.EscapeDataString(app.Ehr.FhirBase));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(app.Ehr.AuthorizeUrl + "?", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        var scope = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(response.Headers.Location.Query)["scope"].ToString();
        Assert.Contains("patient/*.read", scope, StringComparison.Ordinal);
        Assert.DoesNotContain(".rs", scope, StringComparison.Ordinal);
    }
}
