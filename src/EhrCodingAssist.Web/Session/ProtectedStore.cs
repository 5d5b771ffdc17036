using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace EhrCodingAssist.Web.Session;

/// <summary>
/// Server-side key/value store for session state: JSON encrypted with ASP.NET Data Protection, kept in any
/// <see cref="IDistributedCache"/> (memory by default; Redis or SQL Server for several instances).
/// Swap the cache registration to change where sessions live.
/// </summary>
internal sealed class ProtectedStore(IDistributedCache cache, IDataProtectionProvider protection)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new ReadOnlySetConverter() } };

    private readonly IDataProtector _protector = protection.CreateProtector("EhrCodingAssist.Web.Session.v1");

    public T? Get<T>(string key)
        where T : class => Read<T>(cache.Get(key));

    public async Task<T?> GetAsync<T>(string key, CancellationToken ct)
        where T : class => Read<T>(await cache.GetAsync(key, ct).ConfigureAwait(false));

    public void Set<T>(string key, T value, DistributedCacheEntryOptions options) =>
        cache.Set(key, _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions)), options);

    public Task SetAsync<T>(string key, T value, DistributedCacheEntryOptions options, CancellationToken ct) =>
        cache.SetAsync(key, _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions)), options, ct);

    public Task RemoveAsync(string key, CancellationToken ct) => cache.RemoveAsync(key, ct);

    private T? Read<T>(byte[]? data)
        where T : class
    {
        if (data is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(_protector.Unprotect(data), JsonOptions);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Key ring rotated or data tampered with: treat as no session.
            return null;
        }
    }
}

/// <summary>System.Text.Json cannot create an IReadOnlySet; read it as an ordinal HashSet.</summary>
internal sealed class ReadOnlySetConverter : System.Text.Json.Serialization.JsonConverter<IReadOnlySet<string>>
{
    public override IReadOnlySet<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<List<string>>(ref reader, options)?.ToHashSet(StringComparer.Ordinal);

    public override void Write(Utf8JsonWriter writer, IReadOnlySet<string> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Order(StringComparer.Ordinal).ToList(), options);
}
