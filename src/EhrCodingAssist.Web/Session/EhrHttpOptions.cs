using System.ComponentModel.DataAnnotations;

namespace EhrCodingAssist.Web.Session;

/// <summary>Bounds of every call to an EHR (configuration section "Ehr:Http"), validated at start-up.</summary>
public sealed class EhrHttpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Ehr:Http";

    /// <summary>Longest wait for one attempt of one call (headers and body). Defaults to 20 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest wait for one call, retries included. Defaults to 45 seconds; at least <see cref="AttemptTimeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Retries of a call that failed transiently (5xx, 408, 429, network error, attempt timeout). Only reads and
    /// conditional writes (If-None-Exist, If-Match) are retried; any call is retried after 429. Defaults to 2.
    /// </summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base delay before a retry (exponential back-off with jitter; a Retry-After header wins). Defaults to 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest EHR response body read, in bytes (a read or search page; a write's reply). Defaults to 32 MiB.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 32 * 1024 * 1024;
}
