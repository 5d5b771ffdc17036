using System.Text.RegularExpressions;

namespace EhrCodingAssist.Clinical.QueryCompliance;

/// <summary>
/// Yes/no questions about a diagnosis. The AHIMA/ACDIS brief (2022 update) allows a yes/no query only to establish
/// present-on-admission status, to confirm a diagnosis already documented elsewhere in the record (another provider,
/// a pathology or radiology report), to link documented conditions, or to resolve conflicting documentation; never when
/// only clinical indicators are present and the diagnosis is not documented. Every form is caught: an auxiliary-verb
/// question ("Does the patient have sepsis?", "Is the patient in …?", "Based on …, is there …?"), "can you confirm",
/// "would you agree", "please confirm", "clarify whether", "yes or no". A question that offers alternatives ("acute,
/// chronic, or acute on chronic?") or asks to clarify or specify openly is not yes/no. A sentence that names
/// present-on-admission status, documentation elsewhere in the record or a conflict is the compliant kind and passes.
/// </summary>
internal static partial class YesNoQuestionCheck
{
    private const string Why =
        "a yes/no question (or request to confirm or agree) about a diagnosis the record does not document leads the provider; ask an open-ended or multiple-choice question (yes/no is for present-on-admission status, a diagnosis documented elsewhere in the record, or conflicting documentation)";

    public static IEnumerable<QueryLintViolation> Check(string original, string masked, string field)
    {
        TextSpan? previous = null;
        foreach (var sentence in LintText.Sentences(masked))
        {
            var text = masked.Substring(sentence.Start, sentence.Length);
            // The compliant kind may be stated just before a question that refers back to it: "The pathology report
            // documents …; is this …?" (same line). "Pneumonia is documented …. Does the patient have sepsis?" is not.
            var context = previous is { } p && !original.AsSpan(p.Start, sentence.Start - p.Start).Contains('\n') && RefersBack().IsMatch(text)
                ? p.Start
                : sentence.Start;
            previous = sentence;
            if (!IsYesNo(text) || IsCompliantKind(original[context..sentence.End]))
            {
                continue;
            }

            yield return new QueryLintViolation(QueryLintRules.YesNoQuestion, field, original.Substring(sentence.Start, sentence.Length), sentence.Start, sentence.Length, Why);
        }
    }

    private static bool IsYesNo(string sentence)
    {
        if (ConfirmOrAgree().IsMatch(sentence) || YesOrNo().IsMatch(sentence))
        {
            return true;
        }

        if (WhetherRequest().Match(sentence) is { Success: true } whether)
        {
            return !OffersAlternatives(whether.Groups["rest"].Value);
        }

        if (!sentence.EndsWith('?'))
        {
            return false;
        }

        var question = AuxiliaryQuestion().Match(sentence);
        if (!question.Success)
        {
            return false;
        }

        var rest = question.Groups["rest"].Value;
        return !OpenRequest().IsMatch(rest) && !OffersAlternatives(rest);
    }

    private static bool OffersAlternatives(string rest) => Alternatives().IsMatch(rest) && !OrNot().IsMatch(rest);

    private static bool IsCompliantKind(string sentence) =>
        PresentOnAdmission().IsMatch(sentence) || DocumentedElsewhere().IsMatch(sentence) || Conflict().IsMatch(sentence);

    [GeneratedRegex(@"\b(?:this|that|it|these|those|the\s+same|such)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex RefersBack();

    // "Does the patient have …?", "Based on these indicators, is there …?", "And would …?"
    [GeneratedRegex(@"^(?:[^,?]{0,160},\s*)?(?:(?:and|so|then|also|please|kindly)\s+)?(?:do|does|did|is|are|was|were|has|have|had|can|could|would|will|should|may|might|shall)\s+(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, LintText.RegexTimeoutMs)]
    private static partial Regex AuxiliaryQuestion();

    // "Can you clarify …?", "Could you please specify the type …?", "Is it possible to describe …?": open requests.
    [GeneratedRegex(@"^(?:you|we|it\s+be\s+possible\s+(?:for\s+you\s+)?to|it\s+possible\s+(?:for\s+you\s+)?to)\s+(?:please\s+)?(?:clarify|specify|describe|document|provide|identify|list|explain|state|address|update|review|add|comment|indicate\s+(?:the|which|what|any|your)|tell\s+(?:me|us)\s+(?:the|which|what)|further\s+\w+)\b(?!\s+(?:whether|if)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex OpenRequest();

    // "acute, chronic, or acute on chronic", "due to A or B"
    [GeneratedRegex(@"\bor\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex Alternatives();

    [GeneratedRegex(@"\bor\s+(?:not|no)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex OrNot();

    [GeneratedRegex(@"\b(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:confirm|verify|agree|concur)|(?:do|would|will)\s+you\s+(?:agree|concur)|please\s+(?:confirm|verify)|kindly\s+(?:confirm|verify)|(?:confirm|verify)\s+(?:that|the\s+presence|the\s+diagnosis)|are\s+you\s+in\s+agreement|agree\s+or\s+disagree|is\s+it\s+(?:your\s+)?(?:clinical\s+)?(?:opinion|judg(?:e)?ment|impression)\s+that)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex ConfirmOrAgree();

    [GeneratedRegex(@"\byes\s*(?:or|/)\s*no\b|\(\s*y\s*/\s*n\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex YesOrNo();

    // "Please clarify whether the patient has sepsis", "indicate if there is …" (a yes/no question in statement form).
    [GeneratedRegex(@"\b(?:clarify|indicate|state|document|specify|tell\s+(?:me|us)|let\s+(?:me|us)\s+know|advise|determine)\s+(?:whether|if)\b(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, LintText.RegexTimeoutMs)]
    private static partial Regex WhetherRequest();

    [GeneratedRegex(@"\b(?:present\s+on\s+admission|POA|present\s+(?:at|upon)\s+(?:the\s+time\s+of\s+)?admission|at\s+the\s+time\s+of\s+admission|(?:prior\s+to|before|after)\s+(?:the\s+)?admission|on\s+arrival|(?:develop|arise|occur)\w*\s+(?:during|after)\s+(?:the\s+)?(?:admission|stay|hospitali[sz]ation))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex PresentOnAdmission();

    [GeneratedRegex(@"\b(?:(?:previously|already|also)\s+documented|documented\s+(?:in|on|elsewhere|previously|earlier|by\s+(?:dr\b|the\s+(?:attending|consult\w*|surgeon|hospitalist|specialist|resident|physician|provider|\w+ologist|wound))|as\s+\w+)|(?:noted|recorded|reported|described|charted|stated|listed|diagnosed)\s+(?:in|on|by)\s+(?:the\s+|dr\b)|per\s+the\s+\w+|(?:report|note|consult\w*|summary|h&p|list|record)\s+(?:documents|describes|notes|states|lists|shows)|(?:in|on)\s+the\s+(?:\w+\s+){0,2}(?:note|report|summary|h&p|history\s+and\s+physical|problem\s+list|consult(?:ation)?))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex DocumentedElsewhere();

    [GeneratedRegex(@"\b(?:conflict\w*|discrepan\w*|contradict\w*|inconsisten\w*\s+(?:documentation|with\s+the\s+\w+\s+(?:note|report))|differ\w*\s+(?:from|between))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex Conflict();
}
