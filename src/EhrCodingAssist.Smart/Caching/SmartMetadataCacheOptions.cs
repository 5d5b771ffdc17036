namespace EhrCodingAssist.Smart.Caching;

/// <summary>How long SMART configurations and id_token JWKS are reused (configuration section "Smart:MetadataCache").</summary>
public sealed record SmartMetadataCacheOptions
{
    /// <summary>Lifetime when the EHR's response has no Cache-Control max-age or Expires. Zero or less: not cached.</summary>
    public TimeSpan DefaultTtl { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Upper bound on any lifetime, including one the EHR's headers ask for.</summary>
    public TimeSpan MaxTtl { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// An id_token whose kid is not in the cached JWKS re-fetches the JWKS (key rotation), but only when the cached
    /// set is at least this old, so tokens with a bogus kid cannot make the app hammer the EHR.
    /// </summary>
    public TimeSpan JwksMinRefreshInterval { get; init; } = TimeSpan.FromMinutes(1);
}
