using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace EhrCodingAssist.Smart.Caching;

/// <summary>A value read from the EHR and the headers of the response that carried it.</summary>
internal sealed record Fetched<T>(T Value, HttpFreshness Freshness);

/// <summary>A cached value, when it was fetched and until when it is fresh.</summary>
internal sealed record CachedValue<T>(T Value, DateTimeOffset FetchedAt, DateTimeOffset FreshUntil);

/// <summary>
/// Reuses SMART metadata (smart-configuration per issuer, JWKS per jwks_uri) in an <see cref="IMemoryCache"/> for as
/// long as the EHR's HTTP caching headers allow (<see cref="SmartMetadataCacheOptions"/> otherwise). Concurrent misses
/// for one key share a single fetch; a failed fetch is not stored, so the next caller tries again. Freshness is judged
/// with the <see cref="TimeProvider"/>; the memory cache only evicts.
/// </summary>
public sealed class SmartMetadataCache(IMemoryCache cache, TimeProvider time, SmartMetadataCacheOptions options)
{
    private readonly ConcurrentDictionary<Key, object> _inFlight = new();

    /// <summary>The settings in force.</summary>
    public SmartMetadataCacheOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    internal DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// The cached value for (<paramref name="kind"/>, <paramref name="key"/>) when <paramref name="reusable"/> accepts
    /// it, else the result of one shared <paramref name="fetch"/>. The fetch itself is not cancelled by
    /// <paramref name="ct"/> (other callers may be waiting on it); the caller stops waiting.
    /// </summary>
    internal async Task<CachedValue<T>> GetAsync<T>(string kind, string key, Func<CachedValue<T>, bool> reusable,
        Func<Task<Fetched<T>>> fetch, CancellationToken ct)
    {
        var k = new Key(kind, key);
        if (TryGet<T>(k, out var hit) && reusable(hit))
        {
            return hit;
        }

        var lazy = (Lazy<Task<CachedValue<T>>>)_inFlight.GetOrAdd(k, _ => new Lazy<Task<CachedValue<T>>>(() => FetchAndStoreAsync(k, reusable, fetch)));
        return await lazy.Value.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Whether a cached value is still fresh.</summary>
    internal bool IsFresh<T>(CachedValue<T> value) => Now < value.FreshUntil;

    private bool TryGet<T>(Key k, out CachedValue<T> value)
    {
        if (cache.TryGetValue(k, out var o) && o is CachedValue<T> v)
        {
            value = v;
            return true;
        }

        value = null!;
        return false;
    }

    private async Task<CachedValue<T>> FetchAndStoreAsync<T>(Key k, Func<CachedValue<T>, bool> reusable, Func<Task<Fetched<T>>> fetch)
    {
        try
        {
            // Another caller's fetch may have finished between our miss and this one starting.
            if (TryGet<T>(k, out var hit) && reusable(hit))
            {
                return hit;
            }

            var fetched = await fetch().ConfigureAwait(false);
            var now = Now;
            var lifetime = fetched.Freshness.Lifetime(now, Options);
            var value = new CachedValue<T>(fetched.Value, now, now + lifetime);
            if (lifetime > TimeSpan.Zero)
            {
                cache.Set(k, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime });
            }
            else
            {
                cache.Remove(k);
            }

            return value;
        }
        finally
        {
            _inFlight.TryRemove(k, out _);
        }
    }

    /// <summary>The memory-cache key: a private type, so no other cache user can collide with it.</summary>
    private readonly record struct Key(string Kind, string Value);
}
