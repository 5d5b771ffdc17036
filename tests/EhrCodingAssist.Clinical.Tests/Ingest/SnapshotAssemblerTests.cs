using System.Text;
using EhrCodingAssist.Clinical.Ingest;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace EhrCodingAssist.Clinical.Tests.Ingest;

public sealed class SnapshotAssemblerTests
{
    private static readonly FhirJsonSerializer Serializer = new();

    private static Encounter Enc(string id, string patient = "Patient/p1") =>
        new() { Id = id, Subject = new ResourceReference(patient), Status = Encounter.EncounterStatus.Finished };

    private static Observation Obs(string id, string? encounter, string? patient = "Patient/p1") => new()
    {
        Id = id,
        Status = ObservationStatus.Final,
        Code = new CodeableConcept("http://loinc.org", "2160-0"),
        Encounter = encounter is null ? null : new ResourceReference(encounter),
        Subject = patient is null ? null : new ResourceReference(patient),
    };

    private static List<string> Ids(EhrCodingAssist.Clinical.Snapshot.EncounterSnapshot snapshot) =>
        [.. snapshot.Resources.Select(r => r.TypeName + "/" + r.Id)];

    [Fact]
    public void FromResources_TwoEncountersOnePatient_EachGetsPatientAndPatientLevelResources()
    {
        Resource[] resources =
        [
            new Patient { Id = "p1" }, Enc("e1"), Enc("e2"),
            Obs("o1", "Encounter/e1"), Obs("o2", "Encounter/e2"),
            new Condition { Id = "c1", Subject = new ResourceReference("Patient/p1") },
        ];

        var snapshots = SnapshotAssembler.FromResources(resources);

        Assert.Equal(["e1", "e2"], snapshots.Select(s => s.Encounter.Id));
        Assert.All(snapshots, s => Assert.Equal("p1", s.Patient?.Id));
        Assert.All(snapshots, s => Assert.Empty(s.Warnings));
        Assert.Equal(["Encounter/e2", "Observation/o1", "Observation/o2", "Condition/c1"], Ids(snapshots[0]));
        Assert.DoesNotContain(snapshots[1].Resources, r => r.Id == "e2");
    }

    [Fact]
    public void FromResources_OtherPatientsResources_Excluded()
    {
        Resource[] resources =
        [
            new Patient { Id = "p1" }, new Patient { Id = "p2" }, Enc("e1"), Enc("e9", "Patient/p2"),
            Obs("o1", "Encounter/e1"), Obs("o9", "Encounter/e9", "Patient/p2"),
        ];

        var snapshots = SnapshotAssembler.FromResources(resources);

        Assert.Equal(["Observation/o1"], Ids(snapshots[0]));
        Assert.Equal(["Observation/o9"], Ids(snapshots[1]));
        Assert.Equal("p2", snapshots[1].Patient?.Id);
    }

    [Fact]
    public void FromResources_EncounterOnlyLinks_DocumentContextAndClaimItemIncluded()
    {
        var claim = new Claim { Id = "cl1", Item = [new Claim.ItemComponent { Sequence = 1, Encounter = [new ResourceReference("Encounter/e1")] }] };
        var document = new DocumentReference
        {
            Id = "d1",
            Context = new DocumentReference.ContextComponent { Encounter = [new ResourceReference("http://ehr/fhir/Encounter/e1")] },
        };
        var administration = new MedicationAdministration { Id = "ma1", Context = new ResourceReference("Encounter/e1") };

        var snapshot = Assert.Single(SnapshotAssembler.FromResources([Enc("e1"), claim, document, administration, Obs("o1", null, null)]));

        Assert.Equal(["Claim/cl1", "DocumentReference/d1", "MedicationAdministration/ma1"], Ids(snapshot));
        Assert.Contains("Patient/p1 was not found", Assert.Single(snapshot.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void FromResources_ReferencedMedication_IncludedOnce()
    {
        Resource[] resources =
        [
            new Patient { Id = "p1" }, Enc("e1"), new Medication { Id = "m1" }, new Medication { Id = "m2" },
            new MedicationRequest { Id = "mr1", Subject = new ResourceReference("Patient/p1"), Medication = new ResourceReference("Medication/m1") },
            new MedicationRequest { Id = "mr2", Subject = new ResourceReference("Patient/p1"), Medication = new ResourceReference("Medication/m1") },
        ];

        var snapshot = Assert.Single(SnapshotAssembler.FromResources(resources));

        Assert.Equal(["MedicationRequest/mr1", "Medication/m1", "MedicationRequest/mr2"], Ids(snapshot));
    }

    [Fact]
    public void FromResources_DocumentReferenceHtmlAttachment_DecodedIntoNoteTexts()
    {
        var document = new DocumentReference
        {
            Id = "d1",
            Subject = new ResourceReference("Patient/p1"),
            Content = [new() { Attachment = new Attachment { ContentType = "text/html", Data = Encoding.UTF8.GetBytes("<p>Septic shock &amp; lactate 4.1</p>") } }],
        };

        var snapshot = Assert.Single(SnapshotAssembler.FromResources([new Patient { Id = "p1" }, Enc("e1"), document]));

        Assert.Equal("Septic shock & lactate 4.1", snapshot.NoteTexts["d1"]);
    }

    [Fact]
    public void FromResources_AsOfGiven_AppliedToEverySnapshot()
    {
        var asOf = new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero);

        var snapshots = SnapshotAssembler.FromResources([Enc("e1"), Enc("e2")], asOf);

        Assert.All(snapshots, s => Assert.Equal(asOf, s.AsOf));
    }

    [Fact]
    public void FromBundle_UrnUuidFullUrls_RewrittenToTypeIdReferences()
    {
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry =
            [
                new() { FullUrl = "urn:uuid:aaa", Resource = new Patient { Id = "p1" } },
                new() { FullUrl = "urn:uuid:bbb", Resource = new Encounter { Subject = new ResourceReference("urn:uuid:aaa") } },
                new()
                {
                    FullUrl = "urn:uuid:ccc",
                    Resource = new Claim
                    {
                        Id = "cl1",
                        Patient = new ResourceReference("urn:uuid:aaa"),
                        Item = [new Claim.ItemComponent { Sequence = 1, Encounter = [new ResourceReference("urn:uuid:bbb")] }],
                    },
                },
            ],
        };

        var snapshot = Assert.Single(SnapshotAssembler.FromBundle(bundle));

        Assert.Equal("bbb", snapshot.Encounter.Id);
        Assert.Equal("Patient/p1", snapshot.PatientReference);
        var claim = Assert.IsType<Claim>(Assert.Single(snapshot.Resources));
        Assert.Equal("Patient/p1", claim.Patient.Reference);
        Assert.Equal("Encounter/bbb", claim.Item[0].Encounter[0].Reference);
    }

    [Fact]
    public void FromBundle_SearchsetWithOutcome_OutcomeLeftOutAbsoluteFullUrlsResolved()
    {
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Entry =
            [
                new() { FullUrl = "http://ehr/fhir/Encounter/e1", Resource = Enc("e1"), Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match } },
                new() { FullUrl = "http://ehr/fhir/Patient/p1", Resource = new Patient { Id = "p1" }, Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Include } },
                new() { Resource = Obs("o1", "http://ehr/fhir/Encounter/e1", "http://ehr/fhir/Patient/p1") },
                new() { Resource = new OperationOutcome { Id = "oo" }, Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Outcome } },
            ],
        };

        var snapshot = Assert.Single(SnapshotAssembler.FromBundle(bundle));

        Assert.Equal("p1", snapshot.Patient?.Id);
        Assert.Equal(["Observation/o1"], Ids(snapshot));
        Assert.Equal("Encounter/e1", ((Observation)snapshot.Resources[0]).Encounter?.Reference);
    }

    [Fact]
    public void FromBundle_SyntheaTransactionBundle_EveryEncounterHasPatientAndItsObservations()
    {
        var path = Directory.GetFiles(Path.Combine(IngestTestData.SharedDirectory, "data", "synthea"), "*.json").Order(StringComparer.Ordinal).First();
        var bundle = IngestTestData.ReadBundle(path);
        var encounterCount = bundle.Entry.Count(e => e.Resource is Encounter);

        var snapshots = SnapshotAssembler.FromBundle(bundle);

        Assert.Equal(encounterCount, snapshots.Count);
        Assert.All(snapshots, s => Assert.NotNull(s.Patient));
        Assert.All(snapshots, s => Assert.Empty(s.Warnings));
        Assert.Contains(snapshots, s => s.Resources.OfType<Observation>().Any(o => o.Encounter?.Reference == s.EncounterReference));
        Assert.All(snapshots.SelectMany(s => s.Resources), r =>
            Assert.DoesNotContain("urn:uuid", Serializer.SerializeToString(r), StringComparison.Ordinal));
    }

    [Fact]
    public void FromBundle_Scenario_NoteAndLabsInSnapshot()
    {
        var bundle = IngestTestData.ReadBundle(Path.Combine(IngestTestData.SharedDirectory, "scenarios", "aki_rise.bundle.json"));

        var snapshot = Assert.Single(SnapshotAssembler.FromBundle(bundle));

        Assert.Equal("Encounter/enc-aki-rise", snapshot.EncounterReference);
        Assert.Equal("pat-aki-rise", snapshot.Patient?.Id);
        Assert.Equal(bundle.Entry.Count - 2, snapshot.Resources.Count);
    }
}
