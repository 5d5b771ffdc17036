using System.Text.RegularExpressions;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>
/// Rewrites the validator's "Claim Claim.x[0]: Instance failed constraint per-1 ..." lines into what a coder can act on:
/// the element, what is wrong in plain words, and the FHIR rule in brackets for the integration team.
/// </summary>
internal static partial class ValidationReasons
{
    private static readonly Dictionary<string, string> Constraints = new(StringComparer.Ordinal)
    {
        ["per-1"] = "start must not be after end (the EHR's dates are out of order; correct them in the EHR)",
        ["ref-1"] = "the reference is malformed",
        ["ele-1"] = "the element is empty",
    };

    public static string Readable(string problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var split = problem.IndexOf(": ", StringComparison.Ordinal);
        if (split < 0)
        {
            return problem;
        }

        // "Claim Claim.billablePeriod[0]" → "Claim.billablePeriod"
        var location = problem[..split];
        var space = location.IndexOf(' ', StringComparison.Ordinal);
        var path = Index().Replace(space >= 0 && location.Length > space + 1 ? location[(space + 1)..] : location, string.Empty);
        if (path.Length == 0)
        {
            path = space >= 0 ? location[..space] : location;
        }

        var message = problem[(split + 2)..];
        if (Constraint().Match(message) is { Success: true } c)
        {
            var plain = Constraints.GetValueOrDefault(c.Groups["id"].Value, c.Groups["text"].Value);
            return $"{path}: {plain} [FHIR R4 rule {c.Groups["id"].Value}: {c.Groups["text"].Value}]";
        }

        if (MissingMember().Match(message) is { Success: true } m)
        {
            return $"{path}.{m.Groups["member"].Value}: is required but missing [FHIR R4 cardinality 1..]";
        }

        return $"{path}: {message}";
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    [GeneratedRegex("failed constraint (?<id>[A-Za-z0-9-]+) \"(?<text>[^\"]*)\"")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"Missing required member: '(?<member>[A-Za-z0-9]+)'")]
    private static partial Regex MissingMember();
}
