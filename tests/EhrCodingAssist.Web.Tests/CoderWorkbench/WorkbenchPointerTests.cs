using EhrCodingAssist.Web.CoderWorkbench;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>Line diagnosis pointers follow their diagnosis when the coder reorders or removes diagnoses.</summary>
public sealed class WorkbenchPointerTests
{
    // Line 1 points to J18.9 (2) and E66.01 (3); line 2 to J96.01 (1).
    private static readonly WorkbenchState Start = new()
    {
        Diagnoses =
        [
            new DiagnosisEntry("J96.01", 1) { Source = "suggestion" },
            new DiagnosisEntry("J18.9", 2) { Source = "condition" },
            new DiagnosisEntry("E66.01", 3) { Source = "condition" },
        ],
        Lines = [new LineEntry("99223", "cpt") { Pointers = [2, 3] }, new LineEntry("G0390", "hcpcs") { Pointers = [1] }],
    };

    private static List<string?> PointedCodes(WorkbenchState state, int line) =>
        [.. state.Lines[line].Pointers.Select(p => state.Diagnoses.SingleOrDefault(d => d.Sequence == p)?.Code)];

    [Fact]
    public void Move_ToPrincipal_PointersFollowTheirCodes()
    {
        var moved = WorkbenchEdits.Move(Start, "E66.01", 1);

        Assert.Equal(["J18.9", "E66.01"], PointedCodes(moved, 0));
        Assert.Equal(["J96.01"], PointedCodes(moved, 1));
        Assert.Equal([3, 1], moved.Lines[0].Pointers);
        Assert.Empty(WorkbenchEdits.DroppedPointers(Start, moved));
    }

    [Fact]
    public void Move_UnknownCode_LeavesPointersAlone()
    {
        var same = WorkbenchEdits.Move(Start, "I10", 1);

        Assert.Equal([2, 3], same.Lines[0].Pointers);
        Assert.Equal([1], same.Lines[1].Pointers);
    }

    [Fact]
    public void Remove_EarlierDiagnosis_LaterPointersAreRenumbered()
    {
        var removed = WorkbenchEdits.Remove(Start, "J96.01");

        Assert.Equal(["J18.9", "E66.01"], PointedCodes(removed, 0));
        Assert.Equal([1, 2], removed.Lines[0].Pointers);
    }

    [Fact]
    public void Remove_PointedDiagnosis_DropsThePointerAndSaysSo()
    {
        var removed = WorkbenchEdits.Remove(Start, "J18.9");

        Assert.Equal(["E66.01"], PointedCodes(removed, 0));
        Assert.Equal(["J96.01"], PointedCodes(removed, 1));
        var note = Assert.Single(WorkbenchEdits.DroppedPointers(Start, removed));
        Assert.Contains("Line 1 (99223) no longer points to J18.9", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Remove_OnlyPointerOfALine_LeavesTheLineWithoutPointers()
    {
        var removed = WorkbenchEdits.Remove(Start, "J96.01");

        Assert.Empty(removed.Lines[1].Pointers);
        Assert.Contains(WorkbenchEdits.DroppedPointers(Start, removed), n => n.Contains("Line 2 (G0390) no longer points to J96.01", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_RejectingAcceptedSuggestion_DropsItsPointerAndRenumbersTheRest()
    {
        var rejected = WorkbenchEdits.Decide(Start, new SuggestionDecision("arf", "J96.01", "rejected") { Reason = "not documented" });

        Assert.Equal(["J18.9", "E66.01"], PointedCodes(rejected, 0));
        Assert.Empty(rejected.Lines[1].Pointers);
    }

    [Fact]
    public void Decide_ReacceptingSuggestion_KeepsItsPointer()
    {
        var again = WorkbenchEdits.Decide(Start, new SuggestionDecision("arf", "J96.01", "accepted"));

        Assert.Equal(["J96.01"], PointedCodes(again, 1));
        Assert.Equal(["J18.9", "E66.01"], PointedCodes(again, 0));
        Assert.Empty(WorkbenchEdits.DroppedPointers(Start, again));
    }

    [Fact]
    public void DroppedPointers_LineAddedOrRemoved_IsNotCompared() =>
        Assert.Empty(WorkbenchEdits.DroppedPointers(Start, Start with { Lines = [Start.Lines[1]] }));

    [Fact]
    public void Check_PointerToNoDiagnosisOrSharedSequence_IsRefused()
    {
        var dangling = Start with { Lines = [new LineEntry("99223", "cpt") { Pointers = [4] }] };
        var shared = Start with { Diagnoses = [new DiagnosisEntry("J96.01", 1), new DiagnosisEntry("J18.9", 1)], Lines = [new LineEntry("99223", "cpt") { Pointers = [1] }] };

        Assert.Contains(WorkbenchValidation.Check(dangling), e => e.Contains("points to diagnosis 4, which is not on the list", StringComparison.Ordinal));
        Assert.Contains(WorkbenchValidation.Check(shared), e => e.Contains("points to diagnosis 1, a sequence 2 diagnoses share", StringComparison.Ordinal));
        Assert.Empty(WorkbenchValidation.Check(Start));
    }
}
