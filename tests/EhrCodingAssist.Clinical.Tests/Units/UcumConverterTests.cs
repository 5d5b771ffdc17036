using EhrCodingAssist.Clinical.Units;

namespace EhrCodingAssist.Clinical.Tests.Units;

public sealed class UcumConverterTests
{
    private const decimal Creatinine = 113.12m;
    private const decimal Glucose = 180.16m;

    private static decimal Convert(decimal value, string from, string to, decimal? molarMass = null)
    {
        Assert.True(UcumConverter.TryConvert(value, from, to, molarMass, out var result), $"{from} -> {to} failed");
        return Math.Round(result, 2);
    }

    [Fact]
    public void TryConvert_CreatinineMgPerDlToMicromolesPerLitre_UsesMolarMass()
    {
        Assert.Equal(106.08m, Convert(1.2m, "mg/dL", "umol/L", Creatinine));
    }

    [Fact]
    public void TryConvert_CreatinineMicromolesPerLitreToMgPerDl_UsesMolarMass()
    {
        Assert.Equal(2.00m, Convert(176.8m, "µmol/L", "mg/dL", Creatinine));
    }

    [Fact]
    public void TryConvert_GlucoseMmolPerLitreToMgPerDl_UsesMolarMass()
    {
        Assert.Equal(99.09m, Convert(5.5m, "mmol/L", "mg/dL", Glucose));
    }

    [Fact]
    public void TryConvert_MassToSubstanceWithoutMolarMass_Fails()
    {
        Assert.False(UcumConverter.TryConvert(1.2m, "mg/dL", "umol/L", null, out _));
    }

    [Fact]
    public void TryConvert_IncommensurableUnits_Fails()
    {
        Assert.False(UcumConverter.TryConvert(1.2m, "mg/dL", "/min", Creatinine, out _));
        Assert.False(UcumConverter.TryConvert(1.2m, null, "mg/dL", Creatinine, out _));
    }

    [Theory]
    [InlineData(1.4, "g/dL", "g/L", 14)]
    [InlineData(150, "10*3/uL", "10*9/L", 150)]
    [InlineData(200, "pg/mL", "ng/L", 200)]
    [InlineData(2, "mEq/L", "mmol/L", 2)]
    [InlineData(120, "mmHg", "mm[Hg]", 120)]
    [InlineData(38.5, "Cel", "[degF]", 101.3)]
    [InlineData(101.3, "[degF]", "Cel", 38.5)]
    public void TryConvert_SameDimension_Converts(double value, string from, string to, double expected)
    {
        Assert.Equal((decimal)expected, Convert((decimal)value, from, to));
    }

    [Fact]
    public void IsKnownUnit_TypoAndValidUnits_Distinguished()
    {
        Assert.True(UcumConverter.IsKnownUnit("mg/dL"));
        Assert.True(UcumConverter.IsKnownUnit("[pH]"));
        Assert.True(UcumConverter.IsKnownUnit("{score}"));
        Assert.False(UcumConverter.IsKnownUnit("mg/dLL"));
    }

    [Theory]
    [InlineData(null, "[pH]")]
    [InlineData("", "{score}")]
    [InlineData("pH", "[pH]")]
    [InlineData("INR", "{INR}")]
    [InlineData("{score}", "{score}")]
    [InlineData("1", "{score}")]
    [InlineData("{score}", "1")]
    public void TryConvert_DimensionlessOrMissingUnit_KeepsValue(string? from, string to)
    {
        Assert.True(UcumConverter.TryConvert(7.31m, from, to, null, out var result));
        Assert.Equal(7.31m, result);
    }

    [Theory]
    [InlineData(null, "mg/dL")]
    [InlineData("[pH]", "{score}")]
    public void TryConvert_MissingUnitForDimensionedTarget_Fails(string? from, string to)
    {
        Assert.False(UcumConverter.TryConvert(1m, from, to, null, out _));
    }

    [Theory]
    [InlineData("mL/min/{1.73_m2}", "mL/min")]
    [InlineData("mL/min", "mL/min/{1.73_m2}")]
    [InlineData("mL/min/1.73m2", "mL/min/{1.73_m2}")]
    public void TryConvert_EgfrWithAndWithoutBodySurface_Comparable(string from, string to)
    {
        Assert.Equal(58m, Convert(58m, from, to));
    }

    [Theory]
    [InlineData("Cel", "°C")]
    [InlineData("mm[Hg]", "mmHg")]
    [InlineData("/min", "/min")]
    [InlineData("%", "%")]
    [InlineData("umol/L", "µmol/L")]
    [InlineData("10*3/uL", "10³/µL")]
    [InlineData("{score}", "")]
    [InlineData("[pH]", "")]
    [InlineData("mg/dL", "mg/dL")]
    public void Label_UcumCode_HumanLabel(string code, string label)
    {
        Assert.Equal(label, UcumConverter.Label(code));
    }
}
