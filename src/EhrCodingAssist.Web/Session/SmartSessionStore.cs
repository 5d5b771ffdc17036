using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Session;

/// <summary>Typed access to session records in the protected store.</summary>
internal sealed class SmartSessionStore(ProtectedStore store, IOptions<SmartSessionOptions> options)
{
    private static string Key(string sessionId) => "ehrca:session:" + sessionId;

    public SessionRecord? Get(string sessionId) => store.Get<SessionRecord>(Key(sessionId));

    public Task<SessionRecord?> GetAsync(string sessionId, CancellationToken ct) => store.GetAsync<SessionRecord>(Key(sessionId), ct);

    public void Set(string sessionId, SessionRecord record) => store.Set(Key(sessionId), record, Entry());

    public Task SetAsync(string sessionId, SessionRecord record, CancellationToken ct) =>
        store.SetAsync(Key(sessionId), record, Entry(), ct);

    public Task RemoveAsync(string sessionId, CancellationToken ct) => store.RemoveAsync(Key(sessionId), ct);

    private DistributedCacheEntryOptions Entry() => new() { SlidingExpiration = options.Value.IdleTimeout };
}
