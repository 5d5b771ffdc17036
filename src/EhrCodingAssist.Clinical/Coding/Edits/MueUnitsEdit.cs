using EhrCodingAssist.Clinical.Coding.Ncci;
using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// Units above the medically unlikely edit: per line for MAI 1, summed over the date of service for MAI 2 and 3.
/// </summary>
internal sealed class MueUnitsEdit : ICodingEdit
{
    public string RuleId => "edit.mue";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        if (context.Data.Mue is not { } table)
        {
            yield break;
        }

        var groups = context.WorkingSet.Lines
            .Select((line, index) => (line, index, mue: table.Find(line.Code)))
            .Where(x => x.mue is not null)
            .GroupBy(x => x.mue!.Adjudication == MueAdjudication.Line
                ? $"{x.line.Code.ToUpperInvariant()}#{x.index}"
                : $"{x.line.Code.ToUpperInvariant()}@{context.DateOf(x.line):yyyyMMdd}");
        foreach (var group in groups)
        {
            var first = group.First();
            var mue = first.mue!;
            var units = group.Sum(x => x.line.Units);
            if (units > mue.MaxUnits)
            {
                var scope = mue.Adjudication == MueAdjudication.Line ? "on one line" : $"on {context.DateOf(first.line):yyyy-MM-dd}";
                yield return CodingEditContext.Edit(
                    RuleId,
                    $"MUE: {units} units of {first.line.Code}",
                    $"{units} units of {first.line.Code} {scope} exceed the medically unlikely edit of {mue.MaxUnits} (MAI {(int)mue.Adjudication}"
                        + (mue.Rationale.Length > 0 ? $", {mue.Rationale}" : string.Empty) + ").",
                    [context.Service(first.line)],
                    $"CMS medically unlikely edits ({table.Version})");
            }
        }
    }
}
