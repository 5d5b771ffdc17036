namespace EhrCodingAssist.Smart.Caching;

/// <summary>The HTTP caching headers of a response (RFC 9111) that decide how long its body may be reused.</summary>
internal sealed record HttpFreshness
{
    /// <summary>A response that says nothing about caching.</summary>
    public static readonly HttpFreshness None = new();

    /// <summary>Cache-Control no-store or no-cache (the app does not revalidate), or Pragma no-cache.</summary>
    public bool DoNotReuse { get; init; }

    /// <summary>Cache-Control max-age.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>Expires; <see cref="ExpiresInvalid"/> when present but unparseable (e.g. "0"), which means already expired.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>An Expires header that is not a valid HTTP date.</summary>
    public bool ExpiresInvalid { get; init; }

    /// <summary>The response's Date, against which Expires is measured.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Age: how long the response already sat in an upstream cache.</summary>
    public TimeSpan? Age { get; init; }

    /// <summary>Reads the headers of a response.</summary>
    public static HttpFreshness From(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var cc = response.Headers.CacheControl;
        var pragmaNoCache = cc is null && response.Headers.Pragma.Any(p => string.Equals(p.Name, "no-cache", StringComparison.OrdinalIgnoreCase));
        var expiresPresent = response.Content.Headers.NonValidated.Contains("Expires");
        var expires = response.Content.Headers.Expires;
        return new HttpFreshness
        {
            DoNotReuse = cc is { NoStore: true } or { NoCache: true } || pragmaNoCache,
            MaxAge = cc?.MaxAge,
            Expires = expires,
            ExpiresInvalid = expiresPresent && expires is null,
            Date = response.Headers.Date,
            Age = response.Headers.Age,
        };
    }

    /// <summary>
    /// How long the body may be reused from <paramref name="now"/>: max-age (less Age), else Expires − Date, else
    /// the default; capped at the maximum. Zero means do not store.
    /// </summary>
    public TimeSpan Lifetime(DateTimeOffset now, SmartMetadataCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (DoNotReuse)
        {
            return TimeSpan.Zero;
        }

        TimeSpan lifetime;
        if (MaxAge is { } maxAge)
        {
            lifetime = maxAge - (Age ?? TimeSpan.Zero);
        }
        else if (ExpiresInvalid)
        {
            return TimeSpan.Zero;
        }
        else if (Expires is { } expires)
        {
            lifetime = expires - (Date ?? now) - (Age ?? TimeSpan.Zero);
        }
        else
        {
            lifetime = options.DefaultTtl;
        }

        if (lifetime > options.MaxTtl)
        {
            lifetime = options.MaxTtl;
        }

        return lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero;
    }
}
