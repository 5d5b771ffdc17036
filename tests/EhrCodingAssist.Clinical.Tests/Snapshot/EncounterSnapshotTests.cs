using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Tests.Snapshot;

public sealed class EncounterSnapshotTests
{
    [Fact]
    public void PatientReference_NoPatientLoaded_FallsBackToEncounterSubject()
    {
        var snapshot = new EncounterSnapshot
        {
            Encounter = new Encounter { Id = "e1", Subject = new ResourceReference("Patient/p9") },
            Resources = [],
        };

        Assert.Equal("Encounter/e1", snapshot.EncounterReference);
        Assert.Equal("Patient/p9", snapshot.PatientReference);
    }
}
