namespace EhrCodingAssist.Clinical.QueryCompliance;

/// <summary>The rule ids a <see cref="QueryLintViolation"/> carries.</summary>
public static class QueryLintRules
{
    /// <summary>A yes/no question (or "confirm", "agree") about a diagnosis the record does not document.</summary>
    public const string YesNoQuestion = "yes-no-question";

    /// <summary>Wording that leads the provider to a diagnosis ("meets criteria for", "please document sepsis", "consistent with").</summary>
    public const string LeadingWording = "leading-wording";

    /// <summary>A payment, payer or quality-reporting word (DRG, CC/MCC, HCC, reimbursement, length of stay …), misspellings included.</summary>
    public const string FinancialWord = "financial-word";

    /// <summary>The options are a yes/no pair.</summary>
    public const string YesNoOptions = "yes-no-options";

    /// <summary>The "other" option is missing.</summary>
    public const string MissingOther = "missing-other";

    /// <summary>The "clinically undetermined" option is missing.</summary>
    public const string MissingClinicallyUndetermined = "missing-clinically-undetermined";

    /// <summary>No option names a coded diagnosis.</summary>
    public const string NoCodedOption = "no-coded-option";

    /// <summary>The query cites no clinical indicator from the record.</summary>
    public const string NoIndicator = "no-indicator";

    /// <summary>The query text is empty.</summary>
    public const string EmptyText = "empty-text";
}
