using Microsoft.Playwright;

namespace EhrCodingAssist.Browser.Tests;

/// <summary>Helpers of the coder workbench flows.</summary>
internal static class FormPost
{
    private const string PostedMarker = "data-test-posted-from";

    /// <summary>
    /// Every form posts and ends on a freshly rendered page (after a redirect, or the finalise outcome): waits for that
    /// page's document response (which must be 200), until that document has replaced the one the form was on, and until
    /// it is parsed.
    /// No load-state wait: right after the response the old document still reports its own load state (an early return,
    /// so the next action could hit the page being replaced), and a lost lifecycle event under load waits forever.
    /// </summary>
    public static async Task SubmitAsync(IPage page, Func<Task> post)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(post);
        // Mark the document the form is on; the freshly rendered page will not carry the mark.
        await page.Locator("html").EvaluateAsync($"html => html.setAttribute('{PostedMarker}', '')");
        var response = await page.RunAndWaitForResponseAsync(
            post,
            r => r.Request.ResourceType == "document" && r.Frame == page.MainFrame && r.Status is < 300 or >= 400);
        Assert.True(response.Status == 200, $"The post ended on HTTP {response.Status} for {response.Url}.");
        await Assertions.Expect(page.Locator($"html[{PostedMarker}]")).ToHaveCountAsync(0);
        // The new document is parsed in full (non-waiting reads such as AllInnerTextsAsync see the whole page).
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading'", null, new() { PollingInterval = 50 });
    }

    /// <summary>Clicks the button and waits for the page the post ends on.</summary>
    public static Task SubmitAsync(IPage page, ILocator button) => SubmitAsync(page, () => button.ClickAsync());
}
