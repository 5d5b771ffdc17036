using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EhrCodingAssist.Web.Pages.Style;

/// <summary>
/// Maps a SMART styling document (smart_style_url) to CSS custom properties. Every value is checked against a
/// strict pattern so the EHR's document cannot inject CSS; text/background colours are only taken when their
/// contrast is at least 4.5:1 (WCAG 2.1 AA), else the app's own palette stays.
/// </summary>
public static partial class SmartStyle
{
    /// <summary>The app's text colour (site.css --color-text).</summary>
    public const string DefaultText = "#1b1f24";

    /// <summary>The app's background colour (site.css --color-background).</summary>
    public const string DefaultBackground = "#ffffff";

    private static readonly (string Key, string Variable, Func<string, bool> Valid)[] Map =
    [
        ("color_background", "--color-background", IsColor),
        ("color_text", "--color-text", IsColor),
        ("color_highlight", "--color-highlight", IsColor),
        ("color_error", "--color-error", IsColor),
        ("color_success", "--color-success", IsColor),
        ("font_family_body", "--font-body", IsFontFamily),
        ("font_family_heading", "--font-heading", IsFontFamily),
        ("dim_font_size", "--font-size", IsDimension),
        ("dim_spacing_size", "--spacing", IsDimension),
        ("dim_border_radius", "--radius", IsDimension),
    ];

    /// <summary>A <c>:root { … }</c> rule with the valid values of <paramref name="json"/>; empty when none.</summary>
    public static string ToCss(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, variable, valid) in Map)
        {
            if (json.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString()?.Trim() is { Length: > 0 } text && valid(text))
            {
                values[variable] = text;
            }
        }

        // Text and background are kept only as a readable pair (checked against the app's own colour when the
        // EHR gives one of them); a pair whose contrast cannot be computed is dropped.
        var fg = values.GetValueOrDefault("--color-text", DefaultText);
        var bg = values.GetValueOrDefault("--color-background", DefaultBackground);
        if (Contrast(fg, bg) is not >= 4.5)
        {
            values.Remove("--color-text");
            values.Remove("--color-background");
        }

        if (values.Count == 0)
        {
            return string.Empty;
        }

        var css = new StringBuilder(":root {\n");
        foreach (var (variable, value) in values)
        {
            css.Append("  ").Append(variable).Append(": ").Append(value).Append(";\n");
        }

        return css.Append("}\n").ToString();
    }

    /// <summary>WCAG contrast ratio of two #rgb/#rrggbb colours, or null when either is another form.</summary>
    public static double? Contrast(string first, string second)
    {
        if (Luminance(first) is not { } a || Luminance(second) is not { } b)
        {
            return null;
        }

        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double? Luminance(string color)
    {
        if (!HexColor().IsMatch(color) || (color.Length != 4 && color.Length != 7))
        {
            return null;
        }

        var hex = color.Length == 4 ? string.Concat(color[1..].Select(c => new string(c, 2))) : color[1..];
        double Channel(int i)
        {
            var c = int.Parse(hex.AsSpan(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(1)) + (0.0722 * Channel(2));
    }

    private static bool IsColor(string value) => HexColor().IsMatch(value) || FunctionColor().IsMatch(value) || NamedColor().IsMatch(value);

    private static bool IsFontFamily(string value) => FontFamily().IsMatch(value);

    private static bool IsDimension(string value) => Dimension().IsMatch(value);

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$", RegexOptions.None, 100)]
    private static partial Regex HexColor();

    [GeneratedRegex(@"^(rgb|rgba|hsl|hsla)\([0-9.,%\s]{1,60}\)$", RegexOptions.None, 100)]
    private static partial Regex FunctionColor();

    [GeneratedRegex("^[a-zA-Z]{3,30}$", RegexOptions.None, 100)]
    private static partial Regex NamedColor();

    [GeneratedRegex(@"^[a-zA-Z0-9 ,'""\-]{1,200}$", RegexOptions.None, 100)]
    private static partial Regex FontFamily();

    [GeneratedRegex(@"^\d{1,4}(\.\d{1,3})?(px|em|rem|%)$", RegexOptions.None, 100)]
    private static partial Regex Dimension();
}
