using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// A claim needs a payer: with no Coverage of the patient active on the date of service there is nothing to bill
/// (an R4 Claim needs at least one insurance). Registration must add the Coverage (self-pay included) in the EHR.
/// </summary>
internal sealed class CoverageEdit : ICodingEdit
{
    public string RuleId => "edit.coverage";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        if (context.WorkingSet.ActiveCoverages is not 0)
        {
            yield break;
        }

        var date = context.WorkingSet.DateOfService.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        yield return CodingEditContext.Edit(
            RuleId,
            "No active Coverage for the patient on the date of service",
            $"The record holds no Coverage of the patient that is active on {date}, so the Claim has no payer to bill. "
                + "Ask registration to record the patient's insurance (or self-pay) in the EHR, then finalise again.",
            [],
            "FHIR R4 Claim.insurance (1..*): the Claim is billed to the patient's Coverage; payer eligibility on the date of service");
    }
}
