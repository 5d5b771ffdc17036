using EhrCodingAssist.Clinical.Notes;
using EhrCodingAssist.Clinical.Tests.Rules.Support;
using Hl7.Fhir.Model;
using static EhrCodingAssist.Clinical.Tests.Rules.Support.Fhir;

namespace EhrCodingAssist.Clinical.Tests.Notes;

/// <summary>Temporality (historical) and experiencer (family or other) of mentions, in the spirit of ConText.</summary>
public sealed class HistoricalAndFamilyTests
{
    private static readonly PhraseMatcher Matcher = new(
    [
        "sepsis", "CHF", "heart failure", "acute on chronic systolic HF", "AKI", "MI", "myocardial infarction", "stroke", "diabetes",
        "pneumonia", "breast cancer",
    ]);

    private static MentionStatus Only(string text) => Assert.Single(Matcher.Find(text)).Status;

    private static MentionStatus StatusOf(string text, string phrase) =>
        Assert.Single(Matcher.Find(text), m => m.Phrase.Equals(phrase, StringComparison.OrdinalIgnoreCase)).Status;

    [Theory]
    [InlineData("History of sepsis.")]
    [InlineData("h/o CHF")]
    [InlineData("Hx of AKI in 2019.")]
    [InlineData("hx AKI")]
    [InlineData("Prior MI, stented.")]
    [InlineData("Previous stroke with residual weakness.")]
    [InlineData("Previously diagnosed with diabetes, diet controlled.")]
    [InlineData("Remote history of pneumonia.")]
    [InlineData("Status post MI.")]
    [InlineData("s/p MI 2015")]
    [InlineData("Patient has a known history of CHF, EF 30%.")]
    [InlineData("PMH significant for CHF and chronic cough.")]
    [InlineData("Past medical history of stroke.")]
    [InlineData("HISTORY OF SEPSIS")]
    public void Find_HistoricalTrigger_Historical(string text) => Assert.Equal(MentionStatus.Historical, Only(text));

    [Theory]
    [InlineData("MI in the past, no recent chest pain.")]
    [InlineData("Stroke 10 years ago.")]
    [InlineData("Pneumonia as a child.")]
    public void Find_HistoricalPostTrigger_Historical(string text) => Assert.Equal(MentionStatus.Historical, Only(text));

    [Theory]
    [InlineData("Sepsis secondary to UTI.", "sepsis")]
    [InlineData("Sepsis with a history of recurrent UTIs.", "sepsis")]
    [InlineData("Stroke symptoms began 3 hours ago.", "stroke")]
    [InlineData("Worsening dyspnea over the past 3 days, CHF exacerbation.", "CHF")]
    [InlineData("92 year old woman with pneumonia.", "pneumonia")]
    [InlineData("Patient is a poor historian, sepsis from a urinary source.", "sepsis")]
    public void Find_NoHistoricalTrigger_StaysAffirmed(string text, string phrase) => Assert.Equal(MentionStatus.Affirmed, StatusOf(text, phrase));

    [Theory]
    [InlineData("History of present illness: 68M with sepsis from pneumonia.")]
    [InlineData("HPI 68M with sepsis.")]
    [InlineData("History and physical: sepsis on arrival.")]
    [InlineData("Prior to arrival, developed sepsis.")]
    [InlineData("Prior to admission, fevers and sepsis from pneumonia.")]
    [InlineData("Compared with prior study, pneumonia has progressed.")]
    [InlineData("Social history non-contributory, sepsis being treated.")]
    [InlineData("History: cough and fever, pneumonia on chest x-ray.")]
    [InlineData("CLINICAL HISTORY: fever, pneumonia.")]
    [InlineData("Hx: pneumonia")]
    public void Find_PseudoTrigger_NotHistorical(string text)
    {
        Assert.All(Matcher.Find(text), m => Assert.Equal(MentionStatus.Affirmed, m.Status));
        Assert.NotEmpty(Matcher.Find(text));
    }

    [Theory]
    [InlineData("Family history of MI.")]
    [InlineData("FH of breast cancer.")]
    [InlineData("Mother had breast cancer.")]
    [InlineData("Father died of MI at 50.")]
    [InlineData("Brother with diabetes.")]
    [InlineData("Mother's stroke at 70.")]
    [InlineData("Maternal grandmother with breast cancer.")]
    [InlineData("Sister was diagnosed with diabetes last year.")]
    public void Find_FamilyTrigger_FamilyOrOther(string text) => Assert.Equal(MentionStatus.FamilyOrOther, Only(text));

    [Theory]
    [InlineData("Mother at bedside reports fever and sepsis.", MentionStatus.Affirmed, "sepsis")]
    [InlineData("Daughter reports new confusion and sepsis is suspected by the ED.", MentionStatus.Hedged, "sepsis")]
    [InlineData("Mother had MI, patient has diabetes.", MentionStatus.Affirmed, "diabetes")]
    public void Find_KinWithoutTrigger_OrPatientAfterIt_IsThePatients(string text, MentionStatus expected, string phrase) =>
        Assert.Equal(expected, StatusOf(text, phrase));

    [Fact]
    public void Find_FamilyAndHistorical_FamilyWins()
    {
        Assert.Equal(MentionStatus.FamilyOrOther, Only("Mother with history of breast cancer."));
        Assert.Equal(MentionStatus.FamilyOrOther, Only("History: family history of MI."));
    }

    [Fact]
    public void Find_TerminationTerm_EndsTheHistoricalScope()
    {
        var mentions = Matcher.Find("History of CHF, now presents with acute on chronic systolic HF.");

        Assert.Equal(MentionStatus.Historical, Assert.Single(mentions, m => m.Phrase == "CHF").Status);
        Assert.Equal(MentionStatus.Affirmed, Assert.Single(mentions, m => m.Phrase == "acute on chronic systolic HF").Status);
    }

    [Theory]
    [InlineData("History of MI but sepsis is the reason for admission.")]
    [InlineData("h/o CHF who presents with sepsis.")]
    [InlineData("Prior MI; sepsis today.")]
    [InlineData("Previous stroke, currently sepsis from pneumonia.")]
    [InlineData("Hx of AKI, admitted with sepsis.")]
    [InlineData("Family history of MI, patient with sepsis.")]
    public void Find_TerminationTerms_AffirmTheLaterMention(string text) => Assert.Equal(MentionStatus.Affirmed, StatusOf(text, "sepsis"));

    [Theory]
    [InlineData("No history of MI.")]
    [InlineData("Denies history of stroke.")]
    [InlineData("No prior MI.")]
    [InlineData("No family history of breast cancer.")]
    [InlineData("Past Medical History:\nNo diabetes")]
    [InlineData("Family History:\nNegative for breast cancer")]
    public void Find_NegatedHistoricalOrFamily_StaysNegated(string text) => Assert.Equal(MentionStatus.Negated, Only(text));

    [Theory]
    [InlineData("History of possible MI.")]
    [InlineData("Prior suspected stroke.")]
    public void Find_HedgedHistorical_IsHistorical(string text) => Assert.Equal(MentionStatus.Historical, Only(text));

    [Fact]
    public void Find_PastMedicalHistorySection_HistoricalUntilNextHeader()
    {
        const string note = "Chief Complaint: fever\nPast Medical History:\nCHF\n- diabetes\nStroke 2019\nAssessment and Plan:\nSepsis from pneumonia.\nAKI on admission.";

        var mentions = Matcher.Find(note);

        Assert.Equal(MentionStatus.Historical, Assert.Single(mentions, m => m.Phrase == "CHF").Status);
        Assert.Equal(MentionStatus.Historical, Assert.Single(mentions, m => m.Phrase == "diabetes").Status);
        Assert.Equal(MentionStatus.Historical, Assert.Single(mentions, m => m.Phrase == "Stroke").Status);
        Assert.Equal(MentionStatus.Affirmed, Assert.Single(mentions, m => m.Phrase == "Sepsis").Status);
        Assert.Equal(MentionStatus.Affirmed, Assert.Single(mentions, m => m.Phrase == "pneumonia").Status);
        Assert.Equal(MentionStatus.Affirmed, Assert.Single(mentions, m => m.Phrase == "AKI").Status);
    }

    [Theory]
    [InlineData("PMH: CHF, diabetes\nHPI: sepsis from pneumonia", "CHF", MentionStatus.Historical)]
    [InlineData("PMH: CHF, diabetes\nHPI: sepsis from pneumonia", "sepsis", MentionStatus.Affirmed)]
    [InlineData("PMH: CHF\n\nSepsis from pneumonia.", "sepsis", MentionStatus.Affirmed)]
    [InlineData("PMH:\nCHF\nA/P: sepsis", "sepsis", MentionStatus.Affirmed)]
    [InlineData("PMH:\nCHF\nImpression: sepsis", "sepsis", MentionStatus.Affirmed)]
    [InlineData("PMH:\nCHF\nAssessment: sepsis", "sepsis", MentionStatus.Affirmed)]
    [InlineData("PMH:\nCHF\nHistory of Present Illness:\nsepsis", "sepsis", MentionStatus.Affirmed)]
    [InlineData("PMH:\nCHF\nMedications:\nsepsis bundle given", "sepsis", MentionStatus.Affirmed)]
    [InlineData("PMH:\nCHF\nVital Signs:\nsepsis bundle given", "sepsis", MentionStatus.Affirmed)]
    [InlineData("Past Medical History:\n\nCHF", "CHF", MentionStatus.Historical)]
    [InlineData("PMH:\nCHF\nsepsis in 2020", "sepsis", MentionStatus.Historical)]
    [InlineData("PMH:\nDiabetes: diet-controlled\nsepsis 2020", "sepsis", MentionStatus.Historical)]
    [InlineData("PMH: CHF. Now presents with sepsis.", "sepsis", MentionStatus.Affirmed)]
    [InlineData("Past Medical History:\r\nCHF\r\nHPI:\r\nsepsis", "CHF", MentionStatus.Historical)]
    [InlineData("Past Medical History:\r\nCHF\r\nHPI:\r\nsepsis", "sepsis", MentionStatus.Affirmed)]
    [InlineData("# Past Medical History\nCHF\n# History of Present Illness\nsepsis", "CHF", MentionStatus.Historical)]
    [InlineData("# Past Medical History\nCHF\n# History of Present Illness\nsepsis", "sepsis", MentionStatus.Affirmed)]
    [InlineData("Assessment: sepsis secondary to UTI.", "sepsis", MentionStatus.Affirmed)]
    public void Find_SectionHeaders_PlainText(string note, string phrase, MentionStatus expected) =>
        Assert.Equal(expected, StatusOf(note, phrase));

    [Theory]
    [InlineData("Family History:\nMother: breast cancer\nFather: MI\nHPI: sepsis", "breast cancer", MentionStatus.FamilyOrOther)]
    [InlineData("Family History:\nMother: breast cancer\nFather: MI\nHPI: sepsis", "MI", MentionStatus.FamilyOrOther)]
    [InlineData("Family History:\nMother: breast cancer\nFather: MI\nHPI: sepsis", "sepsis", MentionStatus.Affirmed)]
    [InlineData("FH: diabetes\nA/P: diabetes", "diabetes", null)]
    [InlineData("FH:\ndiabetes; patient with sepsis", "sepsis", MentionStatus.Affirmed)]
    public void Find_SectionHeaders_Family(string note, string phrase, MentionStatus? expected)
    {
        if (expected is { } status)
        {
            Assert.Equal(status, StatusOf(note, phrase));
            return;
        }

        // "FH: diabetes\nA/P: diabetes": the family one, then the patient's.
        Assert.Equal([MentionStatus.FamilyOrOther, MentionStatus.Affirmed], Matcher.Find(note).Select(m => m.Status));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Find_SectionHeadersInHtml(bool ingestDecoder)
    {
        const string html =
            "<h3>Past Medical History</h3>\n<ul>\n  <li>CHF</li>\n  <li>Stroke 2019</li>\n</ul>\n<h3>Family History</h3><p>Mother: breast cancer</p>"
            + "<h3>Assessment and Plan</h3><p>Sepsis from pneumonia.</p>";
        var text = ingestDecoder ? EhrCodingAssist.Clinical.Ingest.NoteTextDecoder.HtmlToText(html) : NoteText.FromHtml(html);

        var mentions = Matcher.Find(text);

        Assert.Equal(MentionStatus.Historical, Assert.Single(mentions, m => m.Phrase == "CHF").Status);
        Assert.Equal(MentionStatus.Historical, Assert.Single(mentions, m => m.Phrase == "Stroke").Status);
        Assert.Equal(MentionStatus.FamilyOrOther, Assert.Single(mentions, m => m.Phrase == "breast cancer").Status);
        Assert.Equal(MentionStatus.Affirmed, Assert.Single(mentions, m => m.Phrase == "Sepsis").Status);
        Assert.Equal(MentionStatus.Affirmed, Assert.Single(mentions, m => m.Phrase == "pneumonia").Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Find_InlineHeadersInHtml(bool ingestDecoder)
    {
        const string html = "<p><b>PMH:</b> CHF, prior MI</p><p><b>HPI:</b> 70F with sepsis.</p>";
        var text = ingestDecoder ? EhrCodingAssist.Clinical.Ingest.NoteTextDecoder.HtmlToText(html) : NoteText.FromHtml(html);

        var mentions = Matcher.Find(text);

        Assert.Equal(MentionStatus.Historical, Assert.Single(mentions, m => m.Phrase == "CHF").Status);
        Assert.Equal(MentionStatus.Historical, Assert.Single(mentions, m => m.Phrase == "MI").Status);
        Assert.Equal(MentionStatus.Affirmed, Assert.Single(mentions, m => m.Phrase == "sepsis").Status);
    }

    [Fact]
    public void Notes_RuleFunctions_SeparateAffirmedHistoricalAndFamily()
    {
        var snapshot = Snap(
            Note("current", "Assessment: sepsis due to pneumonia."),
            Note("historical", "History of sepsis in 2021. Presents with cough."),
            Note("section", "Past Medical History:\nsepsis (2019)\nAssessment:\nviral bronchitis"),
            Note("family", "Family history: mother had sepsis."),
            Note("negated-history", "No history of sepsis."),
            HtmlNote("html-family", "<h2>Family History</h2><ul><li>Father: sepsis</li></ul>"));

        Assert.Equal(["current"], Expressions.Ids("notes('sepsis')", snapshot));
        Assert.Equal(["historical", "section"], Expressions.Ids("historicalNotes('sepsis')", snapshot));
        Assert.Equal(["family", "html-family"], Expressions.Ids("familyNotes('sepsis')", snapshot));
        Assert.Empty(Expressions.Ids("hedgedNotes('sepsis')", snapshot));
    }

    private static DocumentReference HtmlNote(string id, string html)
    {
        var note = Note(id, html);
        note.Content[0].Attachment.ContentType = "text/html";
        return note;
    }
}
