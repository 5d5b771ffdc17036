using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Snapshot;
using EhrCodingAssist.Web.CoderWorkbench;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>The payers handed to the payer rules: primary first, named by the Organization or the reference's display.</summary>
public sealed class CoveragePayersTests
{
    private static EncounterSnapshot Snapshot(params Resource[] resources) => new()
    {
        Encounter = new Encounter { Id = "enc-1", Period = new Period { Start = "2025-03-10" } },
        Patient = new Patient { Id = "pat-1" },
        Resources = resources,
    };

    [Fact]
    public void PayersOn_ActiveCoveragesInOrder_NamesFromOrganizationOrDisplay()
    {
        var snapshot = Snapshot(
            new Organization { Id = "org-mcr", Name = "Medicare", Identifier = [new Identifier("urn:payer-id", "MCR01")] },
            new Coverage { Id = "c2", Status = FinancialResourceStatusCodes.Active, Order = 2, Payor = [new ResourceReference { Display = "Acme Health Plan", Identifier = new Identifier("urn:payer-id", "ACME1") }] },
            new Coverage { Id = "c1", Status = FinancialResourceStatusCodes.Active, Order = 1, Payor = [new ResourceReference("Organization/org-mcr")] },
            new Coverage { Id = "c0", Status = FinancialResourceStatusCodes.Cancelled, Order = 0, Payor = [new ResourceReference { Display = "Old plan" }] });

        var payers = CoverageSelection.PayersOn(snapshot);

        Assert.Equal([new PayerRef("Medicare", "MCR01"), new PayerRef("Acme Health Plan", "ACME1")], payers);
    }

    [Fact]
    public void PayersOn_NoCoverage_IsEmpty() => Assert.Empty(CoverageSelection.PayersOn(Snapshot()));
}
