using System.Text.Json;
using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Win32.SafeHandles;

namespace EhrCodingAssist.Clinical.Ingest;

/// <summary>
/// Streams encounter snapshots out of Bulk Data NDJSON files (one resource a line, usually one file per resource
/// type, so an encounter's resources are spread over several files).
/// <para>
/// Pass 1 (<see cref="Open"/>) reads every line once with <see cref="Utf8JsonReader"/>, keeping only the line's
/// position and the patient it belongs to (subject / patient / beneficiary, or via its encounter). Pass 2
/// (<see cref="ReadSnapshots"/>) takes one patient at a time, reads that patient's lines by offset, deserializes
/// each exactly once into Firely POCOs and assembles that patient's encounters. Only one patient's resources are
/// alive at a time, so memory grows with the largest patient, not with the number of encounters; the index costs
/// about 24 bytes per line plus one entry per patient and encounter.
/// </para>
/// </summary>
public sealed class NdjsonSnapshotSource : IDisposable
{
    private readonly IReadOnlyList<string> _files;
    private readonly SafeFileHandle?[] _handles;
    private readonly List<List<LineRef>> _groups;
    private readonly Action<NdjsonLineError> _onError;

    private NdjsonSnapshotSource(IReadOnlyList<string> files, List<List<LineRef>> groups, Action<NdjsonLineError> onError, IndexCounts counts)
    {
        _files = files;
        _handles = new SafeFileHandle?[files.Count];
        _groups = groups;
        _onError = onError;
        Counts = counts;
    }

    /// <summary>Counts from the indexing pass.</summary>
    public IndexCounts Counts { get; }

    /// <summary>
    /// Indexes the files (pass 1). Lines that are not JSON objects are reported to <paramref name="onError"/> and
    /// skipped; lines linked to no patient or encounter (Organization, Practitioner …) are counted and skipped.
    /// </summary>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static NdjsonSnapshotSource Open(IReadOnlyList<string> files, Action<NdjsonLineError> onError)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(onError);
        var indexer = new Indexer(onError);
        for (var file = 0; file < files.Count; file++)
        {
            indexer.Read(files[file], file);
        }

        return new NdjsonSnapshotSource(files, indexer.BuildGroups(), onError, indexer.Counts());
    }

    /// <summary>
    /// Snapshots, one patient group at a time (pass 2). A line that is not valid FHIR is reported and skipped.
    /// Not thread-safe: enumerate once at a time.
    /// </summary>
    public IEnumerable<EncounterSnapshot> ReadSnapshots(DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[64 * 1024];
        var resources = new List<Resource>();
        foreach (var group in _groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            resources.Clear();
            var previous = default(LineRef);
            foreach (var line in group)
            {
                if (line == previous)
                {
                    continue; // a Medication referenced twice
                }

                previous = line;
                if (buffer.Length < line.Length)
                {
                    buffer = new byte[Math.Max(line.Length, buffer.Length * 2)];
                }

                var bytes = buffer.AsSpan(0, line.Length);
                RandomAccess.Read(Handle(line.File), bytes, line.Offset);
                if (Deserialize(bytes, line) is { } resource)
                {
                    resources.Add(resource);
                }
            }

            foreach (var snapshot in SnapshotAssembler.FromResources(resources, asOf))
            {
                yield return snapshot;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var handle in _handles)
        {
            handle?.Dispose();
        }
    }

    private SafeFileHandle Handle(int file) =>
        _handles[file] ??= File.OpenHandle(_files[file], FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);

    private Resource? Deserialize(ReadOnlySpan<byte> bytes, LineRef line)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes);
            return FhirJsonInput.Deserializer.DeserializeResource(ref reader);
        }
        catch (DeserializationFailedException ex)
        {
            _onError(new NdjsonLineError(_files[line.File], line.Line, "invalid FHIR: " + FirstIssue(ex)));
        }
        catch (JsonException ex)
        {
            _onError(new NdjsonLineError(_files[line.File], line.Line, "invalid JSON: " + ex.Message));
        }
        catch (FormatException ex)
        {
            _onError(new NdjsonLineError(_files[line.File], line.Line, "invalid FHIR: " + ex.Message));
        }

        return null;
    }

    private static string FirstIssue(DeserializationFailedException ex) =>
        ex.Exceptions.FirstOrDefault()?.Message ?? ex.Message;

    /// <summary>Counts from the indexing pass.</summary>
    /// <param name="Lines">Non-blank lines read.</param>
    /// <param name="Skipped">Lines skipped as not JSON or linked to no patient or encounter.</param>
    /// <param name="Patients">Patient groups.</param>
    /// <param name="Encounters">Encounter lines.</param>
    public sealed record IndexCounts(int Lines, int Skipped, int Patients, int Encounters);

    private readonly record struct LineRef(int File, long Offset, int Length, int Line);

    /// <summary>Pass 1: groups line positions by patient.</summary>
    private sealed class Indexer(Action<NdjsonLineError> onError)
    {
        private readonly ScannedLine _scanned = new();
        private readonly Dictionary<string, int> _groupByKey = new(StringComparer.Ordinal);
        private readonly List<List<LineRef>> _groups = [];
        private readonly List<bool> _hasEncounter = [];
        private readonly Dictionary<string, string> _encounterPatient = new(StringComparer.Ordinal);
        private readonly List<(string Encounter, LineRef Line)> _viaEncounter = [];
        private readonly Dictionary<string, LineRef> _medications = new(StringComparer.Ordinal);
        private readonly List<(int Group, string Medication)> _medicationLinks = [];
        private int _lines;
        private int _skipped;
        private int _encounters;

        public void Read(string path, int file) =>
            NdjsonLineReader.ReadLines(path, (line, offset, number) => Add(path, file, line, offset, number));

        public IndexCounts Counts() => new(_lines, _skipped, _groups.Count, _encounters);

        public List<List<LineRef>> BuildGroups()
        {
            foreach (var (encounter, line) in _viaEncounter)
            {
                var key = _encounterPatient.TryGetValue(encounter, out var patient) ? patient : encounter;
                _groups[Group(key)].Add(line);
            }

            foreach (var (group, medication) in _medicationLinks)
            {
                if (_medications.TryGetValue(medication, out var line))
                {
                    _groups[group].Add(line);
                }
            }

            var result = new List<List<LineRef>>();
            for (var i = 0; i < _groups.Count; i++)
            {
                if (_hasEncounter[i])
                {
                    _groups[i].Sort((a, b) => a.File != b.File ? a.File.CompareTo(b.File) : a.Offset.CompareTo(b.Offset));
                    result.Add(_groups[i]);
                }
            }

            return result;
        }

        private void Add(string path, int file, ReadOnlySpan<byte> bytes, long offset, int number)
        {
            _lines++;
            try
            {
                NdjsonLineScanner.Scan(bytes, _scanned);
            }
            catch (JsonException ex)
            {
                _skipped++;
                onError(new NdjsonLineError(path, number, "invalid JSON: " + ex.Message));
                return;
            }

            var line = new LineRef(file, offset, bytes.Length, number);
            var type = _scanned.ResourceType;
            if (type is null)
            {
                _skipped++;
                onError(new NdjsonLineError(path, number, "not a FHIR resource (no resourceType)"));
                return;
            }

            string? key;
            if (type == "Patient" && _scanned.Id is { } patientId)
            {
                key = "Patient/" + patientId;
            }
            else if (type == "Encounter" && _scanned.Id is { } encounterId)
            {
                _encounters++;
                var encounterKey = "Encounter/" + encounterId;
                key = _scanned.Patient ?? encounterKey;
                if (_scanned.Patient is not null)
                {
                    _encounterPatient[encounterKey] = _scanned.Patient;
                }
            }
            else if (_scanned.Patient is not null)
            {
                key = _scanned.Patient;
            }
            else if (_scanned.Encounter is not null)
            {
                _viaEncounter.Add((_scanned.Encounter, line));
                return;
            }
            else
            {
                if (type == "Medication" && _scanned.Id is { } medicationId)
                {
                    _medications["Medication/" + medicationId] = line;
                }
                else
                {
                    _skipped++;
                }

                return;
            }

            var group = Group(key);
            _groups[group].Add(line);
            if (type == "Encounter")
            {
                _hasEncounter[group] = true;
            }

            if (_scanned.Medication is { } medication)
            {
                _medicationLinks.Add((group, medication));
            }
        }

        private int Group(string key)
        {
            if (!_groupByKey.TryGetValue(key, out var group))
            {
                group = _groups.Count;
                _groupByKey[key] = group;
                _groups.Add([]);
                _hasEncounter.Add(false);
            }

            return group;
        }
    }
}
