using System.Text.Json;
using EhrCodingAssist.Web.Pages.Style;

namespace EhrCodingAssist.Web.Tests.Pages;

public sealed class SmartStyleTests
{
    private static string Css(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SmartStyle.ToCss(document.RootElement);
    }

    [Fact]
    public void ToCss_ValidStyle_MapsToVariables()
    {
        var css = Css("""{"color_background":"#f8f8f8","color_text":"#222222","color_highlight":"#0b5cad","font_family_body":"Georgia, serif","dim_border_radius":"4px"}""");

        Assert.Contains("--color-background: #f8f8f8;", css, StringComparison.Ordinal);
        Assert.Contains("--color-text: #222222;", css, StringComparison.Ordinal);
        Assert.Contains("--font-body: Georgia, serif;", css, StringComparison.Ordinal);
        Assert.Contains("--radius: 4px;", css, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCss_InjectionAttempt_Dropped()
    {
        var css = Css("""{"color_highlight":"red;} body{display:none","font_family_body":"x</style><script>alert(1)</script>","dim_spacing_size":"expression(alert(1))"}""");

        Assert.Equal(string.Empty, css);
    }

    [Fact]
    public void ToCss_LowContrastPair_KeepsAppColours()
    {
        var css = Css("""{"color_background":"#ffffff","color_text":"#cccccc","color_highlight":"#0b5cad"}""");

        Assert.DoesNotContain("--color-text", css, StringComparison.Ordinal);
        Assert.DoesNotContain("--color-background", css, StringComparison.Ordinal);
        Assert.Contains("--color-highlight: #0b5cad;", css, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#fff", "#fff", 1.0)]
    public void Contrast_KnownPairs_WcagRatio(string first, string second, double expected) =>
        Assert.Equal(expected, SmartStyle.Contrast(first, second)!.Value, precision: 2);
}
