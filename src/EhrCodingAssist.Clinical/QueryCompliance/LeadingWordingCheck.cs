using System.Text.RegularExpressions;

namespace EhrCodingAssist.Clinical.QueryCompliance;

/// <summary>
/// Wording that leads the provider to a particular diagnosis (AHIMA/ACDIS: a query must not direct the provider to a
/// specific diagnosis or indicate which answer is expected): "meets criteria for", "please document sepsis",
/// "supported by", "consistent with", "consider documenting", "to capture", "the patient appears to have". A request to
/// document the condition, diagnosis, type, acuity or stage (without naming it) is the compliant kind and passes.
/// </summary>
internal static partial class LeadingWordingCheck
{
    private static readonly (Func<Regex> Pattern, string Why)[] Patterns =
    [
        (MeetsCriteria, "stating that criteria are met tells the provider which diagnosis the indicators point to"),
        (SupportedBy, "saying the record supports a diagnosis leads the provider to it"),
        (ConsistentWith, "describing the findings as consistent with (suggestive of, indicative of) a diagnosis leads the provider to it"),
        (Recommends, "recommending or requiring documentation of a diagnosis leads the provider"),
        (Capture, "documenting to capture a diagnosis, severity or complexity implies a coding or payment motive"),
        (Presumes, "asserting that the patient appears or is likely to have a condition leads the provider to it"),
        (Impact, "telling the provider what documenting a diagnosis would achieve pressures the answer"),
    ];

    private const string NamedDiagnosisWhy =
        "asking the provider to document a named diagnosis leads them; ask to document the condition (type, acuity, stage) as clinically appropriate";

    public static IEnumerable<QueryLintViolation> Check(string original, string masked, string field)
    {
        var found = new List<QueryLintViolation>();
        foreach (var (pattern, why) in Patterns)
        {
            foreach (Match m in pattern().Matches(masked))
            {
                found.Add(Violation(original, field, m.Index, m.Length, why));
            }
        }

        foreach (Match m in DocumentRequest().Matches(masked))
        {
            var rest = m.Groups["rest"];
            var skipped = Qualifiers().Match(rest.Value).Length;
            var named = rest.Value[skipped..];
            if (named.Trim().Length > 0 && !NeutralObject().IsMatch(named))
            {
                found.Add(Violation(original, field, m.Index, rest.Index + skipped - m.Index + FirstWords(named), NamedDiagnosisWhy));
            }
        }

        return found.OrderBy(v => v.Start);
    }

    private static QueryLintViolation Violation(string original, string field, int start, int length, string why)
    {
        var span = LintText.Trim(original, start, start + length) ?? new TextSpan(start, length);
        return new QueryLintViolation(QueryLintRules.LeadingWording, field, original.Substring(span.Start, span.Length), span.Start, span.Length, why);
    }

    // The named diagnosis as the phrase's end: up to a comma or a following "to/in/on/for/if/as …", at most six words.
    private static int FirstWords(string named)
    {
        var m = NamedEnd().Match(named);
        return m.Success ? m.Index : named.TrimEnd().Length;
    }

    [GeneratedRegex(@"\bmeet(?:s|ing)?\s+(?:the\s+|all\s+|[\w-]+\s+){0,3}criteria\b|\bmet\s+(?:the\s+)?criteria\s+(?:for|of)\b|\bcriteria\s+(?:for\s+[\w\s-]{1,40}?\s+)?(?:are|is|were|was|has\s+been|have\s+been)\s+met\b|\b(?:fulfil+s?|fulfil+(?:ed|ing)|satisf(?:y|ies|ied|ying))\s+(?:the\s+|all\s+|[\w-]+\s+){0,3}criteria\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex MeetsCriteria();

    [GeneratedRegex(@"\bsupport(?:s|ed|ing)?\s+(?:by\b|(?:the|a|this|your)\s+(?:diagnos\w*|dx)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex SupportedBy();

    [GeneratedRegex(@"\b(?:consistent|compatible)\s+with\b|\b(?:suggestive|indicative|diagnostic|characteristic|representative)\s+of\b|\bclinical\s+picture\s+of\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex ConsistentWith();

    [GeneratedRegex(@"\b(?:consider|recommend|suggest|advise)(?:s|ed|ing)?\s+(?:documenting|adding|charting|coding|the\s+diagnosis|a\s+diagnosis)\b|\bwould\s+you\s+consider\b|\b(?:should|needs?\s+to|must|has\s+to|ought\s+to)\s+be\s+(?:documented|added|coded|charted|diagnosed)\b|\bbe\s+sure\s+to\s+document\b|\bdon'?t\s+forget\s+to\s+(?:document|add)\b|\bwe\s+(?:recommend|suggest)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex Recommends();

    [GeneratedRegex(@"\b(?:to|for|help)\s+captur(?:e|ing)\b|\bcaptur(?:e|es|ed|ing)\s+(?:the\s+|this\s+|a\s+)?(?:diagnos\w*|severity|acuity|complexity|condition|comorbidit\w*)\b|\breflect\s+(?:the\s+)?(?:true\s+|accurate\s+|full\s+)?(?:severity|complexity|acuity|risk)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex Capture();

    [GeneratedRegex(@"\b(?:appears|seems)\s+to\s+(?:have|be\s+in|be\s+suffering)\b|\b(?:likely|probably|clearly|obviously)\s+(?:has|had|is\s+in|was\s+in|is\s+suffering)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex Presumes();

    [GeneratedRegex(@"\bdocument(?:ing|ation\s+of)\s+[^.?!\n]{1,60}?\s+(?:will|would|could|may)\s+(?:help|improve|increase|raise|support|reflect|allow|ensure|justify)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex Impact();

    // "please document …", "could you add …", "kindly chart …": what follows must not name a diagnosis.
    [GeneratedRegex(@"\b(?:please|kindly|(?:can|could|would|will)\s+you)\s+(?:please\s+)?(?:document|add|chart|record|include|write\s+down|note)\b(?<rest>[^.?!\n;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex DocumentRequest();

    // ", as clinically appropriate,", " in the medical record", ", if any," … before the object of the request.
    [GeneratedRegex(@"^(?:\s*,?\s*(?:as\s+(?:clinically\s+)?(?:appropriate|indicated|applicable|supported)|if\s+(?:any|applicable|appropriate|present|clinically\s+(?:appropriate|indicated|supported|valid))|in\s+(?:the|your)\s+(?:medical\s+|health\s+|progress\s+)?(?:record|note|notes|documentation|discharge\s+summary|chart)|based\s+on\s+[^,]{1,80}|clearly|further|also|accordingly)\s*,?)*\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex Qualifiers();

    // The object of a compliant request: the condition, the diagnosis (not "the diagnosis of X"), its type or acuity …
    [GeneratedRegex(@"^(?:(?:the|a|an|any|your|this|these|all|each|its|their)\s+)?(?:(?:clinical|underlying|associated|relevant|corresponding|appropriate|specific|additional|final|working|clinically\s+\w+)\s+)*(?:diagnos\w*(?!\s+of\b)|conditions?|clinical\s+(?:significance|opinion|judg(?:e)?ment|assessment|findings?|picture)|significance|type|acuity|stage|severity|specificity|etiology|cause|findings?|status|response|answer|assessment|impression|plan|reason|whether|if|what|which|how|any|your|clinical)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex NeutralObject();

    [GeneratedRegex(@"\s*,|(?<!\bdue)\s+(?:to|in|on|for|if|as|so|because|when|since)\s|(?<=^\s*(?:\S+\s+){6})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex NamedEnd();
}
