using EhrCodingAssist.Clinical.Ingest;

namespace EhrCodingAssist.Clinical.Tests.Ingest;

public sealed class ReferenceKeyTests
{
    [Theory]
    [InlineData("Encounter/e1", "Encounter/e1")]
    [InlineData("http://ehr.example/fhir/Encounter/e1", "Encounter/e1")]
    [InlineData("Encounter/e1/_history/3", "Encounter/e1")]
    [InlineData("#contained", null)]
    [InlineData("Patient?identifier=x|1", null)]
    [InlineData("urn:uuid:0f7c", null)]
    [InlineData("", null)]
    [InlineData("Encounter/", null)]
    public void Normalize_ReferenceForms_TypeSlashIdOrNull(string reference, string? expected) =>
        Assert.Equal(expected, ReferenceKey.Normalize(reference));
}
