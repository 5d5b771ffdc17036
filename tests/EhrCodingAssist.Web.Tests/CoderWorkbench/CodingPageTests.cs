using System.Net;
using EhrCodingAssist.Web.Tests.Infrastructure;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

public sealed class CodingPageTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    [Fact]
    public async Task Get_Coder_ShowsDiagnosesWithPoaAndFinaliseButton()
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });

        using var response = await launched.Client.GetAsync("/coding?q=pneumonia");
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, html[..Math.Min(html.Length, 3000)]);
        Assert.Contains("data-code=\"J18.9\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"poa\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"finalize\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"search-results\"", html, StringComparison.Ordinal);
        // The place of service: a labelled select, inpatient default 21 selected, saved through the page's own form.
        Assert.Contains("<label for=\"pos\">Place of service", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"21\" selected=\"selected\">21 Inpatient hospital</option>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"set-pos\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Cdi_ShowsWorkbenchWithoutChangeButtons()
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "cdi" });

        var html = await launched.Client.GetStringAsync("/coding");

        Assert.Contains("data-code=\"J18.9\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"finalize\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"pos\" name=\"pos\" data-testid=\"pos\" disabled=\"disabled\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"set-pos\"", html, StringComparison.Ordinal);
    }
}
