using System.Globalization;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>
/// The in-memory FHIR store: every version of every resource, a patient-compartment index and one lock.
/// Writes go through <see cref="Write{T}"/>, which is all-or-nothing: a failure undoes everything the
/// work did, so a transaction Bundle either lands whole or not at all.
/// </summary>
internal sealed class ResourceStore(string fhirBase, TimeProvider clock, bool enforceReferences = true)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, Entry>> _types = new(StringComparer.Ordinal);
    private long _order;

    public string FhirBase { get; } = fhirBase.TrimEnd('/');

    /// <summary>Number of current (not deleted) resources, for the launch page and tests.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _types.Values.Sum(t => t.Values.Count(e => !e.Deleted));
            }
        }
    }

    /// <summary>The current version, or null; <paramref name="deleted"/> tells a deleted resource from an unknown one.</summary>
    public StoredResource? Read(string type, string id, out bool deleted)
    {
        lock (_gate)
        {
            deleted = false;
            if (!TryEntry(type, id, out var entry))
            {
                return null;
            }

            deleted = entry.Deleted;
            return entry.Deleted ? null : entry.View();
        }
    }

    public StoredResource? Read(string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? null : Read(reference[..slash], reference[(slash + 1)..], out _);
    }

    /// <summary>A specific version (vread), or null.</summary>
    public Resource? ReadVersion(string type, string id, string versionId)
    {
        lock (_gate)
        {
            if (!TryEntry(type, id, out var entry) || !int.TryParse(versionId, CultureInfo.InvariantCulture, out var v) ||
                v < 1 || v > entry.Versions.Count)
            {
                return null;
            }

            return entry.Versions[v - 1];
        }
    }

    /// <summary>The current resources of a type in insertion order, optionally only one patient's compartment.</summary>
    public IReadOnlyList<StoredResource> List(string type, string? patientId = null)
    {
        lock (_gate)
        {
            if (!_types.TryGetValue(type, out var byId))
            {
                return [];
            }

            return byId.Values
                .Where(e => !e.Deleted && (patientId is null || e.Patients.Contains(patientId)))
                .OrderBy(e => e.Order)
                .Select(e => e.View())
                .ToList();
        }
    }

    /// <summary>Runs <paramref name="work"/> under the store's lock; any exception undoes all its writes.</summary>
    public T Write<T>(Func<WriteScope, T> work)
    {
        lock (_gate)
        {
            var scope = new WriteScope(this);
            try
            {
                var result = work(scope);
                scope.CheckReferences();
                return result;
            }
            catch
            {
                scope.Rollback();
                throw;
            }
        }
    }

    private bool TryEntry(string type, string id, out Entry entry)
    {
        entry = null!;
        return _types.TryGetValue(type, out var byId) && byId.TryGetValue(id, out entry!);
    }

    /// <summary>The writes of one <see cref="Write{T}"/> call, with their undo log.</summary>
    internal sealed class WriteScope(ResourceStore store)
    {
        private readonly List<Action> _undo = [];
        private readonly List<Resource> _written = [];

        public ResourceStore Store => store;

        /// <summary>Creates a new resource; the id is taken from <paramref name="id"/> or generated.</summary>
        public StoredResource Create(Resource resource, string? id = null)
        {
            id ??= NewId();
            if (store.TryEntry(resource.TypeName, id, out var existing) && !existing.Deleted)
            {
                throw new FhirError(System.Net.HttpStatusCode.Conflict, $"{resource.TypeName}/{id} already exists.", OperationOutcome.IssueType.Duplicate);
            }

            return Put(resource, id, expectedVersion: null).Stored;
        }

        /// <summary>Update (or create with a client id); <paramref name="expectedVersion"/> is the If-Match version.</summary>
        public (StoredResource Stored, bool Created) Put(Resource resource, string id, string? expectedVersion)
        {
            var type = resource.TypeName;
            var exists = store.TryEntry(type, id, out var entry);
            var current = exists && !entry.Deleted ? entry.Versions.Count.ToString(CultureInfo.InvariantCulture) : null;
            if (expectedVersion is not null && expectedVersion != current)
            {
                throw FhirError.PreconditionFailed(current is null
                    ? $"If-Match version {expectedVersion} given but {type}/{id} does not exist."
                    : $"Version conflict on {type}/{id}: If-Match {expectedVersion}, current {current}.");
            }

            var copy = (Resource)resource.DeepCopy();
            copy.Id = id;
            copy.Meta ??= new Meta();
            var version = (exists ? entry.Versions.Count : 0) + 1;
            copy.Meta.VersionId = version.ToString(CultureInfo.InvariantCulture);
            copy.Meta.LastUpdated = store.NowToMillisecond();

            if (!exists)
            {
                if (!store._types.TryGetValue(type, out var byId))
                {
                    byId = new Dictionary<string, Entry>(StringComparer.Ordinal);
                    store._types[type] = byId;
                }

                entry = new Entry { Order = ++store._order };
                byId[id] = entry;
                _undo.Add(() => byId.Remove(id));
            }
            else
            {
                var (wasDeleted, patients) = (entry.Deleted, entry.Patients);
                _undo.Add(() =>
                {
                    entry.Versions.RemoveAt(entry.Versions.Count - 1);
                    entry.Deleted = wasDeleted;
                    entry.Patients = patients;
                });
            }

            entry.Versions.Add(copy);
            entry.Deleted = false;
            entry.Patients = References.PatientCompartment(copy, store.FhirBase);
            _written.Add(copy);
            return (entry.View(), current is null);
        }

        /// <summary>Deletes the current version; deleting an unknown resource is not an error (FHIR allows 204/200).</summary>
        public bool Delete(string type, string id)
        {
            if (!store.TryEntry(type, id, out var entry) || entry.Deleted)
            {
                return false;
            }

            entry.Deleted = true;
            _undo.Add(() => entry.Deleted = false);
            return true;
        }

        /// <summary>Every local "Type/id" reference in what was written must exist, or the whole write fails (422).</summary>
        public void CheckReferences()
        {
            if (!store._enforceReferences)
            {
                return;
            }

            foreach (var resource in _written)
            {
                foreach (var reference in References.All(resource))
                {
                    if (References.Local(reference.Reference, store.FhirBase) is { } local && store.Read(local) is null)
                    {
                        throw FhirError.Unprocessable($"{resource.TypeName}/{resource.Id} refers to {local}, which does not exist.");
                    }
                }
            }
        }

        public void Rollback()
        {
            for (var i = _undo.Count - 1; i >= 0; i--)
            {
                _undo[i]();
            }

            _undo.Clear();
        }
    }

    private readonly bool _enforceReferences = enforceReferences;

    private DateTimeOffset NowToMillisecond()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..20];

    private sealed class Entry
    {
        public List<Resource> Versions { get; } = [];

        public bool Deleted { get; set; }

        public long Order { get; init; }

        public HashSet<string> Patients { get; set; } = [];

        public StoredResource View() => new(Versions[^1], Patients, Order);
    }
}
