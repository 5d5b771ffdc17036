using System.Collections.Concurrent;

namespace EhrCodingAssist.Web.WriteBack;

/// <summary>
/// One write-back at a time per query within this app instance (a double click waits for the first write and then
/// sees its result). Across instances the query's concurrency token and the conditional create keep writes single.
/// </summary>
internal sealed class WriteLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string queryId, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(queryId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
