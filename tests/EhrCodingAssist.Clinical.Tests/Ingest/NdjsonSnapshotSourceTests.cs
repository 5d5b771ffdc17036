using System.Text;
using EhrCodingAssist.Clinical.Ingest;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Tests.Ingest;

public sealed class NdjsonSnapshotSourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ndjson-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\n");
        return path;
    }

    private static (List<EhrCodingAssist.Clinical.Snapshot.EncounterSnapshot> Snapshots, List<NdjsonLineError> Errors) ReadAll(params string[] files)
    {
        var errors = new List<NdjsonLineError>();
        using var source = NdjsonSnapshotSource.Open(files, errors.Add);
        return ([.. source.ReadSnapshots()], errors);
    }

    [Fact]
    public void ReadSnapshots_ResourcesSplitByTypeAcrossFiles_GroupedPerEncounter()
    {
        var encounters = Write("Encounter.ndjson",
            """{"resourceType":"Encounter","id":"e1","status":"finished","subject":{"reference":"Patient/p1"}}""",
            """{"resourceType":"Encounter","id":"e2","status":"finished","subject":{"reference":"Patient/p2"}}""");
        var observations = Write("Observation.ndjson",
            """{"resourceType":"Observation","id":"o2","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/p2"}}""",
            """{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},"encounter":{"reference":"Encounter/e1"}}""");
        var patients = Write("Patient.ndjson", """{"resourceType":"Patient","id":"p1"}""", """{"resourceType":"Patient","id":"p2"}""");
        var organizations = Write("Organization.ndjson", """{"resourceType":"Organization","id":"org"}""");

        var (snapshots, errors) = ReadAll(encounters, observations, patients, organizations);

        Assert.Empty(errors);
        Assert.Equal(["Encounter/e1", "Encounter/e2"], snapshots.Select(s => s.EncounterReference));
        Assert.Equal(["p1", "p2"], snapshots.Select(s => s.Patient?.Id));
        Assert.Equal(["o1"], snapshots[0].Resources.Select(r => r.Id));
        Assert.Equal(["o2"], snapshots[1].Resources.Select(r => r.Id));
    }

    [Fact]
    public void ReadSnapshots_BadJsonAndInvalidFhirLines_ReportedWithLineNumbersRestAnalysed()
    {
        var path = Write("mixed.ndjson",
            """{"resourceType":"Patient","id":"p1"}""",
            """{"resourceType":"Encounter","id":"e1","status":"finished","subject":{"reference":"Patient/p1"}}""",
            """{"resourceType":"Observation","id":"broken",""",
            "",
            """{"resourceType":"Observation","id":"o-bad","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/p1"},"valueQuantity":"not an object"}""",
            """{"resourceType":"Observation","id":"o-good","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/p1"}}""");

        var (snapshots, errors) = ReadAll(path);

        Assert.Equal([3, 5], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.Equal(path, e.File));
        Assert.StartsWith("invalid JSON", errors[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("invalid FHIR", errors[1].Reason, StringComparison.Ordinal);
        var snapshot = Assert.Single(snapshots);
        Assert.Equal(["o-good"], snapshot.Resources.Select(r => r.Id));
    }

    [Fact]
    public void ReadSnapshots_LineLinkedOnlyToEncounterAndMedicationReference_JoinsThePatientGroup()
    {
        var path = Write("all.ndjson",
            """{"resourceType":"MedicationAdministration","id":"ma1","status":"completed","medicationCodeableConcept":{"text":"x"},"context":{"reference":"Encounter/e1"},"effectiveDateTime":"2026-01-01"}""",
            """{"resourceType":"Medication","id":"m1"}""",
            """{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationReference":{"reference":"Medication/m1"},"subject":{"reference":"Patient/p1"}}""",
            """{"resourceType":"Encounter","id":"e1","status":"finished","subject":{"reference":"Patient/p1"}}""",
            """{"resourceType":"DocumentReference","id":"d1","status":"current","context":{"encounter":[{"reference":"Encounter/e1"}]},"content":[{"attachment":{"contentType":"text/plain","data":"U2VwdGljIHNob2Nr"}}]}""");

        var (snapshots, errors) = ReadAll(path);

        Assert.Empty(errors);
        var snapshot = Assert.Single(snapshots);
        Assert.Equal(["ma1", "mr1", "m1", "d1"], snapshot.Resources.Select(r => r.Id));
        Assert.Equal("Septic shock", snapshot.NoteTexts["d1"]);
    }

    [Fact]
    public void ReadSnapshots_LineLongerThanReadBuffer_ReadWhole()
    {
        var note = Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('a', 3_000_000)));
        var path = Write("big.ndjson",
            """{"resourceType":"Encounter","id":"e1","status":"finished","subject":{"reference":"Patient/p1"}}""",
            """{"resourceType":"DocumentReference","id":"d1","status":"current","subject":{"reference":"Patient/p1"},"content":[{"attachment":{"contentType":"text/plain","data":""" + "\"" + note + "\"}}]}",
            """{"resourceType":"Patient","id":"p1"}""");

        var (snapshots, errors) = ReadAll(path);

        Assert.Empty(errors);
        Assert.Equal(3_000_000, Assert.Single(snapshots).NoteTexts["d1"].Length);
    }

    [Fact]
    public void ReadSnapshots_SyntheaBulkExport_EveryEncounterWithItsPatient()
    {
        var files = Directory.GetFiles(Path.Combine(IngestTestData.SharedDirectory, "data", "synthea_bulk_10patients"), "*.ndjson")
            .Order(StringComparer.Ordinal).ToArray();
        var encounterLines = File.ReadLines(files.Single(f => Path.GetFileName(f).StartsWith("Encounter", StringComparison.Ordinal))).Count();

        var (snapshots, errors) = ReadAll(files);

        Assert.Empty(errors);
        Assert.Equal(encounterLines, snapshots.Count);
        Assert.All(snapshots, s => Assert.NotNull(s.Patient));
        Assert.Contains(snapshots, s => s.Resources.OfType<DocumentReference>().Any() && s.NoteTexts.Count > 0);
        Assert.Contains(snapshots, s => s.Resources.OfType<Condition>().Any(c => c.Encounter?.Reference == s.EncounterReference));
    }
}
