using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Terminology;

public sealed class StarterCodeSetTests
{
    [Fact]
    public void Load_ShippedStarterFile_IsFy2025AndAgreesWithFullSet()
    {
        var starter = StarterCodeSet.Load();

        Assert.Equal(2025, starter.FiscalYear);
        Assert.True(starter.Count > 0);
        var full = TerminologyTestData.Full;
        foreach (var code in ((IcdCodeSet)starter).Codes)
        {
            var official = full.Find(code.Code);
            Assert.True(official is not null, $"{code.Code} is not an FY2025 code");
            Assert.True(official.Billable == code.Billable, $"{code.Code} billable flag differs from FY2025");
        }
    }
}
