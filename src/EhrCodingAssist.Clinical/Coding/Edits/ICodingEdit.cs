using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>One coding edit; each finding it raises carries its <see cref="RuleId"/>.</summary>
internal interface ICodingEdit
{
    string RuleId { get; }

    IEnumerable<Finding> Evaluate(CodingEditContext context);
}
