using System.Text.RegularExpressions;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>Posts the workbench page's forms like a browser: reads the antiforgery token from the page, then posts the handler.</summary>
internal static partial class WorkbenchPageClient
{
    public static async Task<(HttpResponseMessage Response, string Html)> PostAsync(HttpClient client, string handler, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync("/coding");
        var token = Token().Match(page);
        Assert.True(token.Success, "The workbench page has no antiforgery token.");
        using var form = new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token.Groups[1].Value)));
        var response = await client.PostAsync("/coding?handler=" + handler, form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
