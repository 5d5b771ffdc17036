using EhrCodingAssist.Web.CoderWorkbench;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>Line input is refused with a reason, never silently changed.</summary>
public sealed class WorkbenchLineInputTests
{
    private static readonly WorkbenchState Start = new()
    {
        Diagnoses = [.. new[] { "J18.9", "E66.01", "I10", "E11.9", "N17.9" }.Select((c, i) => new DiagnosisEntry(c, i + 1))],
    };

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void AddLine_UnitsBelowOne_IsKeptAndRefused(int units)
    {
        var state = WorkbenchEdits.AddLine(Start, "99213", "cpt", null, units, null, "1");

        Assert.Equal(units, Assert.Single(state.Lines).Units);
        Assert.Contains($"Line 1 (99213) has {units} units; at least 1.", WorkbenchValidation.Check(state));
    }

    [Fact]
    public void AddLine_FiveModifiersOrFivePointers_IsRefused()
    {
        var modifiers = WorkbenchEdits.AddLine(Start, "99213", "cpt", "25 59 LT RT XS", 1, null, "1");
        var pointers = WorkbenchEdits.AddLine(Start, "99213", "cpt", "25", 1, null, "1,2,3,4,5");

        Assert.Contains("Line 1 (99213) has 5 modifiers; at most 4.", WorkbenchValidation.Check(modifiers));
        Assert.Contains("Line 1 (99213) has 5 diagnosis pointers; at most 4.", WorkbenchValidation.Check(pointers));
    }

    [Fact]
    public void AddLine_FourModifiersFourPointersOneUnit_IsAccepted() =>
        Assert.Empty(WorkbenchValidation.Check(WorkbenchEdits.AddLine(Start, "99213", "cpt", "25 59 LT XS", 1, null, "1,2,3,4")));

    [Theory]
    [InlineData("1,x", "'x'")]
    [InlineData("2;0", "'0'")]
    [InlineData("-1", "'-1'")]
    [InlineData("1.5", "'1.5'")]
    public void CheckPointerText_NotADiagnosisNumber_IsRefused(string text, string named) =>
        Assert.Contains(named, Assert.Single(WorkbenchEdits.CheckPointerText(text)), StringComparison.Ordinal);

    [Fact]
    public void CheckPointerText_Numbers_IsAccepted()
    {
        Assert.Empty(WorkbenchEdits.CheckPointerText("1, 2;3 4"));
        Assert.Empty(WorkbenchEdits.CheckPointerText(null));
    }
}
