using Microsoft.Playwright;

namespace EhrCodingAssist.Browser.Tests;

/// <summary>Helpers of the coder workbench flows.</summary>
internal static class FormPost
{
    /// <summary>Every form posts and ends on a freshly rendered page (after a redirect, or the finalise outcome): wait for it.</summary>
    public static async Task SubmitAsync(IPage page, Func<Task> post)
    {
        await page.RunAndWaitForResponseAsync(post, r => r.Request.ResourceType == "document" && r.Status == 200);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Clicks the button and waits for the page the post ends on.</summary>
    public static Task SubmitAsync(IPage page, ILocator button) => SubmitAsync(page, () => button.ClickAsync());
}
