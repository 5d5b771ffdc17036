using EhrCodingAssist.Clinical.Notes;
using EhrCodingAssist.Clinical.Tests.Rules.Support;
using Hl7.Fhir.Model;
using static EhrCodingAssist.Clinical.Tests.Rules.Support.Fhir;

namespace EhrCodingAssist.Clinical.Tests.Snapshot;

public sealed class SnapshotIndexTests
{
    [Theory]
    [InlineData("Encounter/enc1")]
    [InlineData("http://ehr.example/fhir/Encounter/enc1")]
    [InlineData("Encounter/enc1/_history/3")]
    public void Observations_EncounterReferenceForms_AllRecognised(string reference)
    {
        var lab = Lab("c1", "2160-0", 1m, "mg/dL", "2026-01-01T00:00:00Z");
        lab.Encounter = new ResourceReference(reference);

        Assert.Equal(["c1"], Expressions.Ids("observations('creatinine')", Snap(lab)));
    }

    [Fact]
    public void Observations_OtherEncounterWithSimilarId_NotMatched()
    {
        var lab = Lab("c1", "2160-0", 1m, "mg/dL", "2026-01-01T00:00:00Z");
        lab.Encounter = new ResourceReference("Encounter/xenc1");

        Assert.Empty(Expressions.Ids("observations('creatinine')", Snap(lab)));
    }

    [Fact]
    public void NoteTextOf_SnapshotDecodedText_PreferredOverAttachment()
    {
        var note = Note("n1", "attachment text");
        var snapshot = new Clinical.Snapshot.EncounterSnapshot
        {
            Encounter = Encounter(),
            Resources = [note],
            NoteTexts = new Dictionary<string, string> { ["n1"] = "decoded text" },
        };

        Assert.Equal("decoded text", Expressions.Index(snapshot).NoteTextOf(note));
    }

    [Fact]
    public void NoteMentions_HtmlAttachment_StrippedBeforeMatching()
    {
        var note = Note("n1", string.Empty);
        note.Content[0].Attachment = new Attachment { ContentType = "text/html", Data = System.Text.Encoding.UTF8.GetBytes("<p>Impression: <b>sepsis</b></p>") };
        var index = Expressions.Index(Snap(note));

        var mention = Assert.Single(index.NoteMentions(note, new PhraseMatcher(["sepsis"])));

        Assert.Equal(MentionStatus.Affirmed, mention.Status);
    }

    [Fact]
    public void Medications_ReferencedMedicationResource_MatchedByItsCode()
    {
        var med = new Medication { Id = "med1", Code = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", "4603", "furosemide") };
        var order = MedicationOrder("rx", "0", "x");
        order.Medication = new ResourceReference("Medication/med1");

        Assert.Equal(["rx"], Expressions.Ids("medications('loop-diuretic')", Snap(order, med)));
    }

    [Fact]
    public void Resolve_ReferenceInSnapshot_FhirPathResolveWorks()
    {
        var lab = Lab("c1", "2160-0", 1m, "mg/dL", "2026-03-11T00:00:00Z");
        lab.Encounter = new ResourceReference("http://ehr.example/fhir/Encounter/enc1");

        Assert.Equal(["enc1"], Expressions.Ids("observations('creatinine').encounter.resolve()", Snap(lab)));
    }

    [Fact]
    public void Index_Snapshot_OnlyEncounterResourcesInLists()
    {
        var inside = new Procedure { Id = "in", Encounter = new ResourceReference("Encounter/enc1") };
        var outside = new Procedure { Id = "out", Performed = new FhirDateTime("2020-01-01") };
        var during = new Procedure { Id = "during", Performed = new FhirDateTime("2026-03-12T10:00:00Z") };

        var index = Expressions.Index(Snap(inside, outside, during));

        Assert.Equal(["in", "during"], index.Procedures.Select(p => p.Id));
    }
}
