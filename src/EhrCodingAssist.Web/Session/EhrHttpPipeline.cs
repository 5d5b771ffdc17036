using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace EhrCodingAssist.Web.Session;

/// <summary>
/// The resilience of the pooled EHR handler (<see cref="EhrFhirClientFactory.HandlerName"/>): Microsoft's standard
/// resilience handler (attempt and total timeouts, retries with back-off honouring Retry-After, a circuit breaker per
/// EHR authority) bound to <see cref="EhrHttpOptions"/>. Retries are limited to calls a second attempt cannot double:
/// reads, and writes that carry their idempotency condition (If-None-Exist, If-Match); a 429 is retried for any call
/// (the EHR refused it unprocessed).
/// </summary>
public static class EhrHttpPipeline
{
    /// <summary>Adds validated <see cref="EhrHttpOptions"/> and the resilience handler to the EHR's named HttpClient.</summary>
    public static WebApplicationBuilder AddEhrHttpPipeline(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<EhrHttpOptions>()
            .BindConfiguration(EhrHttpOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.AttemptTimeout <= o.TotalTimeout, "Ehr:Http:AttemptTimeout must not exceed Ehr:Http:TotalTimeout.")
            .ValidateOnStart();
        builder.Services.AddHttpClient(EhrFhirClientFactory.HandlerName)
            .AddStandardResilienceHandler()
            .SelectPipelineByAuthority()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider services) =>
                Apply(resilience, services.GetRequiredService<IOptions<EhrHttpOptions>>().Value));
        return builder;
    }

    internal static void Apply(HttpStandardResilienceOptions resilience, EhrHttpOptions options)
    {
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
        // The breaker samples over at least twice the attempt timeout (the handler's own validation requires it).
        var sampling = TimeSpan.FromSeconds(30);
        resilience.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2 > sampling ? options.AttemptTimeout * 2 : sampling;
        resilience.Retry.MaxRetryAttempts = Math.Max(options.MaxRetries, 1);
        resilience.Retry.Delay = options.RetryDelay;
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
            options.MaxRetries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome) && RetrySafe(args.Context.GetRequestMessage(), args.Outcome));
    }

    /// <summary>Whether a second attempt of <paramref name="request"/> cannot write twice.</summary>
    internal static bool RetrySafe(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome)
    {
        if (request is null)
        {
            return false;
        }

        if (outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
            || request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options)
        {
            return true;
        }

        return request.Headers.Contains("If-None-Exist") || request.Headers.IfMatch.Count > 0;
    }
}
