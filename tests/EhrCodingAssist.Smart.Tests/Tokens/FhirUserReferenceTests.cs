using EhrCodingAssist.Smart.Tokens;

namespace EhrCodingAssist.Smart.Tests.Tokens;

public sealed class FhirUserReferenceTests
{
    [Theory]
    [InlineData("Practitioner/123", "Practitioner/123")]
    [InlineData("https://ehr.example.org/fhir/Practitioner/sandbox-cdi", "Practitioner/sandbox-cdi")]
    [InlineData("https://ehr/fhir/Practitioner/7/_history/2", "Practitioner/7")]
    [InlineData("Patient/p1", "Patient/p1")]
    [InlineData("Observation/1", null)]
    [InlineData("Practitioner", null)]
    [InlineData("Practitioner/<script>", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void TryParse_Value_ReturnsRelativeReference(string? value, string? expected)
    {
        Assert.Equal(expected, FhirUserReference.TryParse(value));
    }
}
