using Microsoft.Playwright;

namespace EhrCodingAssist.Browser.Tests;

public sealed class EncounterPageBrowserTests(SandboxBrowserFixture fixture) : IClassFixture<SandboxBrowserFixture>
{
    [Fact]
    public async Task LaunchLink_SeededEncounter_ShowsBannerAndFindingWithEvidenceAndNoToken()
    {
        await using var context = await fixture.Browser.NewTestContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, response) => { lock (responses) { responses.Add(response); } };

        await page.GotoAsync(fixture.Sandbox.Urls.LaunchLink("enc-aki", "cdi"));
        await page.WaitForURLAsync(fixture.Sandbox.Urls.AppBase + "/");

        var banner = page.Locator(".patient-banner");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(banner.Locator("dt", new() { HasText = "MRN" })).ToBeVisibleAsync();
        var finding = page.Locator("article.finding").First;
        await Assertions.Expect(finding).ToBeVisibleAsync();
        var evidence = finding.Locator("table a[href^='/fhir/']").First;
        await Assertions.Expect(evidence).ToBeVisibleAsync();
        await Assertions.Expect(finding.Locator(".rule code")).Not.ToBeEmptyAsync();

        await SaveScreenshotIfAskedAsync(page);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));

        var seen = new List<string>();
        List<IResponse> snapshot;
        lock (responses)
        {
            snapshot = [.. responses];
        }

        foreach (var response in snapshot)
        {
            seen.Add(response.Url);
            seen.AddRange((await response.AllHeadersAsync()).Values);
            try
            {
                seen.Add(await response.TextAsync());
            }
            catch (PlaywrightException)
            {
                // Redirects have no body.
            }
        }

        seen.AddRange((await context.CookiesAsync()).Select(c => c.Value));
        seen.Add(await page.EvaluateAsync<string>(
            "() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])"));

        var tokens = fixture.IssuedTokens();
        Assert.NotEmpty(tokens);
        Assert.All(tokens, token => Assert.DoesNotContain(seen, text => text.Contains(token, StringComparison.Ordinal)));
    }

    /// <summary>The README's screenshot: set EHRCA_SCREENSHOT to a file path to save the launched page there.</summary>
    private static async Task SaveScreenshotIfAskedAsync(IPage page)
    {
        if (Environment.GetEnvironmentVariable("EHRCA_SCREENSHOT") is { Length: > 0 } path)
        {
            await page.ScreenshotAsync(new() { Path = path, FullPage = false });
        }
    }
}
