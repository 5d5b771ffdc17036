using EhrCodingAssist.Clinical.Ingest;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace EhrCodingAssist.Clinical.Tests.Ingest;

public sealed class UnreadableElementsTests
{
    private static Resource Parse(string json) => FhirJsonInput.Deserializer.Deserialize<Resource>(json);

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"p","gender":"M"}""", "Patient.gender")]
    [InlineData("""{"resourceType":"Observation","id":"o","status":"bogus","code":{"text":"x"}}""", "Observation.status")]
    [InlineData("""{"resourceType":"Observation","id":"o","status":5,"code":{"text":"x"}}""", "Observation.status")]
    [InlineData("""{"resourceType":"Patient","id":"p","name":[{"use":"bad","family":"x"}]}""", "Patient.name[0].use")]
    [InlineData("""{"resourceType":"Observation","id":"o","status":"final","code":{"text":"x"},"valueQuantity":{"value":"abc"}}""", "Observation.value.value")]
    [InlineData("""{"resourceType":"Observation","id":"o","status":"final","code":{"text":"x"},"component":[{"code":{"text":"y"}},{"code":{"text":"y"},"valueBoolean":"yes"}]}""", "Observation.component[1].value")]
    [InlineData("""{"resourceType":"Observation","id":"o","status":"final","code":{"text":"x"},"effectiveDateTime":"yesterday"}""", "Observation.effective")]
    [InlineData("""{"resourceType":"Patient","id":"p","birthDate":"2025-13-45"}""", "Patient.birthDate")]
    [InlineData("""{"resourceType":"Observation","id":"o","status":"final","code":{"text":"x"},"issued":"nope"}""", "Observation.issued")]
    public void Find_LenientParseLetInAValueItsGetterRefuses_NamesItsPath(string json, string path)
    {
        var resource = Parse(json);

        Assert.Equal([path], UnreadableElements.Find(resource));
    }

    [Fact]
    public void Find_ReadableResourceWithUnknownElements_FindsNothing()
    {
        var resource = Parse("""
            {"resourceType":"Observation","id":"o","status":"final","code":{"text":"x"},"effectiveDateTime":"2025-03-10T08:00:00Z",
             "valueQuantity":{"value":1.5,"comparator":"<"},"futureElement":{"a":1},"subject":{"reference":"Patient/p"}}
            """);

        Assert.Empty(UnreadableElements.Find(resource));
    }

    [Fact]
    public void Blank_UnreadableGender_ClearsItSoTheGetterReadsAbsent()
    {
        var patient = (Patient)Parse("""{"resourceType":"Patient","id":"p","gender":"M","birthDate":"1950-01-01"}""");

        var blanked = UnreadableElements.Blank(patient);

        Assert.Equal(["Patient.gender"], blanked);
        Assert.Null(patient.Gender);
        Assert.Equal("1950-01-01", patient.BirthDate);
        Assert.Empty(UnreadableElements.Find(patient));
    }
}
