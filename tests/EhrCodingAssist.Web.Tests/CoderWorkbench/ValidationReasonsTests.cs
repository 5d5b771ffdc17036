using EhrCodingAssist.Web.CoderWorkbench;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

public sealed class ValidationReasonsTests
{
    [Fact]
    public void Readable_MissingElement_SaysRequiredButMissing() =>
        Assert.Equal(
            "Claim.insurance: is required but missing [FHIR R4 cardinality 1..*]",
            ValidationReasons.Readable("Claim Claim.insurance: Instance count is 0, which is not within the specified cardinality of 1..*"));

    [Fact]
    public void Readable_UnknownMessage_KeepsItWithThePath() =>
        Assert.Equal("Condition.code: something else", ValidationReasons.Readable("Condition Condition.code[0]: something else"));
}
