using EhrCodingAssist.Clinical.Notes;

namespace EhrCodingAssist.Clinical.Tests.Notes;

public sealed class PhraseMatcherTests
{
    private static readonly PhraseMatcher Sepsis = new(["sepsis", "septic shock", "septic"]);

    private static MentionStatus Only(string text) => Assert.Single(Sepsis.Find(text)).Status;

    [Theory]
    [InlineData("Assessment: sepsis secondary to UTI.")]
    [InlineData("Patient is septic on arrival.")]
    [InlineData("SEPSIS present on admission")]
    public void Find_PlainStatement_Affirmed(string text) => Assert.Equal(MentionStatus.Affirmed, Only(text));

    [Theory]
    [InlineData("No sepsis.")]
    [InlineData("Patient denies fever, chills or sepsis.")]
    [InlineData("Negative for sepsis.")]
    [InlineData("Without evidence of sepsis at this time.")]
    [InlineData("Sepsis was ruled out.")]
    [InlineData("Sepsis ruled out after cultures returned.")]
    [InlineData("Free of sepsis.")]
    public void Find_NegationTrigger_Negated(string text) => Assert.Equal(MentionStatus.Negated, Only(text));

    [Theory]
    [InlineData("Possible sepsis.")]
    [InlineData("Probable sepsis from urinary source.")]
    [InlineData("Rule out sepsis.")]
    [InlineData("r/o sepsis")]
    [InlineData("Suspected sepsis, cultures pending.")]
    [InlineData("Concern for sepsis given lactate.")]
    [InlineData("Cannot exclude sepsis.")]
    [InlineData("Sepsis not ruled out.")]
    public void Find_HedgingTrigger_Hedged(string text) => Assert.Equal(MentionStatus.Hedged, Only(text));

    [Fact]
    public void Find_NegationInPreviousSentence_DoesNotCarryOver()
    {
        Assert.Equal(MentionStatus.Affirmed, Only("No fever. Sepsis from pneumonia."));
        Assert.Equal(MentionStatus.Affirmed, Only("Denies chest pain\nSepsis, improving"));
    }

    [Fact]
    public void Find_TerminationTerm_EndsTheNegationScope()
    {
        Assert.Equal(MentionStatus.Affirmed, Only("No hypotension but sepsis is present."));
    }

    [Fact]
    public void Find_TriggerFarBeforePhrase_OutsideWindow()
    {
        Assert.Equal(MentionStatus.Affirmed, Only("No chest pain reported overnight by the patient or family and sepsis is treated."));
    }

    [Fact]
    public void Find_DecimalNumbers_DoNotSplitSentences()
    {
        var mention = Assert.Single(Sepsis.Find("Lactate 4.2 and possible sepsis."));

        Assert.Equal(MentionStatus.Hedged, mention.Status);
        Assert.Equal("Lactate 4.2 and possible sepsis.", mention.Sentence);
    }

    [Fact]
    public void Find_WordBoundaries_NoPartialWordMatch()
    {
        Assert.Empty(Sepsis.Find("Antisepsis protocol; asepsis maintained."));
    }

    [Fact]
    public void Find_LongestPhraseWins()
    {
        Assert.Equal("septic shock", Assert.Single(Sepsis.Find("In septic shock, on pressors.")).Phrase);
    }

    [Fact]
    public void FromHtml_TagsAndEntities_BecomeText()
    {
        var text = NoteText.FromHtml("<div><p>No fever.</p><p>Sepsis &amp; AKI</p><script>alert('x sepsis')</script></div>");

        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", text, StringComparison.Ordinal);
        var mention = Assert.Single(Sepsis.Find(text));
        Assert.Equal(MentionStatus.Affirmed, mention.Status);
    }

    [Fact]
    public void FromHtml_BlockElements_SeparateSentences()
    {
        var text = NoteText.FromHtml("<ul><li>Denies cough</li><li>sepsis</li></ul>");

        Assert.Equal(MentionStatus.Affirmed, Only(text));
    }
}
