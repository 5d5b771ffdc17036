using EhrCodingAssist.Web.CoderWorkbench;
using EhrCodingAssist.Web.WriteBack;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

public sealed class ValidationReasonsTests
{
    private static readonly Lazy<FhirResourceValidator> Validator = new(() => new FhirResourceValidator(Options.Create(new ValidationOptions())));

    private static Claim ValidClaim() => new()
    {
        Status = FinancialResourceStatusCodes.Draft,
        Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/claim-type", "institutional"),
        Use = ClaimUseCode.Claim,
        Patient = new ResourceReference("Patient/pat-1"),
        CreatedElement = new FhirDateTime("2025-03-10"),
        Provider = new ResourceReference("Organization/org-1"),
        Priority = new CodeableConcept("http://terminology.hl7.org/CodeSystem/processpriority", "normal"),
        Insurance = [new Claim.InsuranceComponent { Sequence = 1, Focal = true, Coverage = new ResourceReference("Coverage/cov-1") }],
    };

    [Fact]
    public void Readable_FirelyMissingInsurance_SaysRequiredButMissing()
    {
        var claim = ValidClaim();
        Assert.Empty(Validator.Value.Validate(claim));
        claim.Insurance.Clear();

        var reasons = Validator.Value.Validate(claim).Select(ValidationReasons.Readable).ToList();

        Assert.Equal(["Claim.insurance: is required but missing [FHIR R4 cardinality 1..]"], reasons);
    }

    [Fact]
    public void Readable_FirelyPeriodOutOfOrder_SaysStartAfterEnd()
    {
        var claim = ValidClaim();
        claim.BillablePeriod = new Period { Start = "2025-03-10", End = "2025-03-09" };

        var reason = Assert.Single(Validator.Value.Validate(claim).Select(ValidationReasons.Readable));

        Assert.StartsWith("Claim.billablePeriod: start must not be after end", reason, StringComparison.Ordinal);
        Assert.EndsWith("[FHIR R4 rule per-1: If present, start SHALL have a lower value than end]", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Readable_UnknownMessage_KeepsItWithThePath() =>
        Assert.Equal("Condition.code: something else", ValidationReasons.Readable("Condition Condition.code[0]: something else"));
}
