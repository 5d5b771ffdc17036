using EhrCodingAssist.Clinical.Coding;

namespace EhrCodingAssist.Clinical.Tests.Coding;

public sealed class CodingWorkingSetTests
{
    [Theory]
    [InlineData("2000-03-15", "2025-03-14", 24)]
    [InlineData("2000-03-15", "2025-03-15", 25)]
    [InlineData("2024-02-29", "2025-02-27", 0)] // leap-day birthdays count from 28 February
    [InlineData("2024-02-29", "2025-02-28", 1)]
    [InlineData("2025-03-14", "2025-03-14", 0)]
    public void AgeInYears_BirthdayBoundaries_CountsWholeYears(string birth, string service, int expected) =>
        Assert.Equal(expected, CodingWorkingSet.AgeInYears(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(service, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("IMP", false, true, false)]
    [InlineData("ACUTE", false, true, false)]
    [InlineData("AMB", false, false, false)]
    [InlineData("VR", false, false, true)]
    [InlineData("AMB", true, false, true)]
    public void Flags_EncounterClass_DriveInpatientAndTelehealth(string encounterClass, bool virtualService, bool inpatient, bool telehealth)
    {
        var ws = new CodingWorkingSet { DateOfService = new DateOnly(2025, 1, 1), EncounterClass = encounterClass, IsVirtualService = virtualService };

        Assert.Equal(inpatient, ws.IsInpatient);
        Assert.Equal(telehealth, ws.IsTelehealth);
    }

    [Fact]
    public void Principal_UnorderedDiagnoses_IsLowestSequence()
    {
        var ws = new CodingWorkingSet { DateOfService = new DateOnly(2025, 1, 1), Diagnoses = [new("I10", 2), new("N17.9", 1)] };

        Assert.Equal("N17.9", ws.Principal!.Code);
    }
}
