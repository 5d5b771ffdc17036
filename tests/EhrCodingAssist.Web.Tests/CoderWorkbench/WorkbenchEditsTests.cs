using EhrCodingAssist.Web.CoderWorkbench;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

public sealed class WorkbenchEditsTests
{
    private static readonly WorkbenchState Start = new()
    {
        Diagnoses = [new DiagnosisEntry("J18.9", 1) { Source = "condition" }, new DiagnosisEntry("E66.01", 2) { Source = "condition" }],
    };

    [Fact]
    public void Decide_Accepted_AddsSuggestedCodeLast()
    {
        var state = WorkbenchEdits.Decide(Start, new SuggestionDecision("bmi-z68", "Z68.41", "accepted"));

        Assert.Equal(["J18.9", "E66.01", "Z68.41"], state.Diagnoses.OrderBy(d => d.Sequence).Select(d => d.Code));
        Assert.Equal("suggestion", state.Diagnoses[2].Source);
    }

    [Fact]
    public void Decide_ReplacedAfterAccepted_SwapsTheSuggestedCode()
    {
        var accepted = WorkbenchEdits.Decide(Start, new SuggestionDecision("bmi-z68", "Z68.41", "accepted"));

        var replaced = WorkbenchEdits.Decide(accepted, new SuggestionDecision("bmi-z68", "Z68.41", "replaced") { Replacement = "Z68.42" });

        Assert.DoesNotContain(replaced.Diagnoses, d => d.Code == "Z68.41");
        Assert.Contains(replaced.Diagnoses, d => d.Code == "Z68.42");
        Assert.Equal("replaced", Assert.Single(replaced.Decisions).Decision);
    }

    [Fact]
    public void Decide_RejectedAfterAccepted_RemovesOnlyTheSuggestedCode()
    {
        var accepted = WorkbenchEdits.Decide(Start, new SuggestionDecision("bmi-z68", "Z68.41", "accepted"));

        var rejected = WorkbenchEdits.Decide(accepted, new SuggestionDecision("bmi-z68", "Z68.41", "rejected") { Reason = "not documented" });

        Assert.Equal(["J18.9", "E66.01"], rejected.Diagnoses.Select(d => d.Code));
    }

    [Fact]
    public void Move_ToOne_MakesPrincipalAndRenumbers()
    {
        var state = WorkbenchEdits.Move(Start, "E66.01", 1);

        Assert.Equal([("E66.01", 1), ("J18.9", 2)], state.Diagnoses.Select(d => (d.Code, d.Sequence)));
    }

    [Fact]
    public void AddLine_ModifiersAndPointers_AreSplit()
    {
        var state = WorkbenchEdits.AddLine(Start, "j0696", "hcpcs", "59, LT", 4, null, "1,2");

        var line = Assert.Single(state.Lines);
        Assert.Equal("J0696", line.Code);
        Assert.Equal(["59", "LT"], line.Modifiers);
        Assert.Equal([1, 2], line.Pointers);
        Assert.Equal(4, line.Units);
    }

    [Theory]
    [InlineData("rejected", "needs a reason")]
    [InlineData("replaced", "needs the replacement")]
    [InlineData("maybe", "must be accepted, rejected or replaced")]
    public void Check_IncompleteDecision_IsRefused(string decision, string expected)
    {
        var state = Start with { Decisions = [new SuggestionDecision("r", "Z68.41", decision)] };

        Assert.Contains(WorkbenchValidation.Check(state), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_BadPoa_IsRefused()
    {
        var state = Start with { Diagnoses = [new DiagnosisEntry("J18.9", 1) { Poa = "X" }] };

        Assert.Contains(WorkbenchValidation.Check(state), e => e.Contains("POA", StringComparison.Ordinal));
        Assert.Empty(WorkbenchValidation.Check(Start with { Diagnoses = [new DiagnosisEntry("J18.9", 1) { Poa = "w" }] }));
    }

    [Theory]
    [InlineData("10", null)]
    [InlineData(" 02 ", null)]
    [InlineData("1O", "two-digit CMS code")]
    [InlineData("100", "two-digit CMS code")]
    public void Check_PlaceOfService_MustBeTwoDigits(string pos, string? expected)
    {
        var errors = WorkbenchValidation.Check(Start with { PlaceOfService = pos });

        if (expected is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void SetPlaceOfService_TrimsAndEmptyClears()
    {
        var set = WorkbenchEdits.SetPlaceOfService(Start, " 10 ");

        Assert.Equal("10", set.PlaceOfService);
        Assert.Null(WorkbenchEdits.SetPlaceOfService(set, " ").PlaceOfService);
    }

    [Fact]
    public void SetModifiers_ReplacesOnlyThatLinesModifiers()
    {
        var state = Start with { Lines = [new LineEntry("99214", "cpt") { Modifiers = ["25"], Units = 2 }, new LineEntry("G0390", "hcpcs") { Modifiers = ["59"] }] };

        var changed = WorkbenchEdits.SetModifiers(state, 0, "95, GT");

        Assert.Equal(["95", "GT"], changed.Lines[0].Modifiers);
        Assert.Equal(2, changed.Lines[0].Units);
        Assert.Equal(["59"], changed.Lines[1].Modifiers);
        Assert.Equal(state.Lines, WorkbenchEdits.SetModifiers(state, 5, "95").Lines);
    }

    [Theory]
    [InlineData("IMP", "21")]
    [InlineData("ACUTE", "21")]
    [InlineData("EMER", "23")]
    [InlineData("OBSENC", "22")]
    [InlineData("HH", "12")]
    [InlineData("VR", null)]
    [InlineData("AMB", null)]
    [InlineData(null, null)]
    public void DefaultPlaceOfService_FromEncounterClass(string? encounterClass, string? expected) =>
        Assert.Equal(expected, PlacesOfService.DefaultFor(encounterClass));
}
