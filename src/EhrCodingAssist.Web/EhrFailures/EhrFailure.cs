using System.Net;
using EhrCodingAssist.Web.Encounters;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace EhrCodingAssist.Web.EhrFailures;

/// <summary>
/// An EHR failure as the user is told it: the app's answer status (404, 403, 502, 503, 504), a title and a readable
/// detail, plus the EHR's status and OperationOutcome issue codes for the log. The one mapping from exceptions to
/// messages: the page and problem-details handler (<see cref="EhrFailureHandler"/>) and the write paths (query
/// write-back, Claim finalise) word their failures with it. Never carries the EHR's diagnostic text.
/// </summary>
public sealed record EhrFailure(string Kind, int Status, string Title, string Detail)
{
    /// <summary>The status the EHR answered, when it answered.</summary>
    public int? EhrStatus { get; init; }

    /// <summary>The OperationOutcome's issue codes, when the EHR sent one.</summary>
    public IReadOnlyList<string> IssueCodes { get; init; } = [];

    /// <summary>
    /// The failure <paramref name="exception"/> stands for, or null when it is no EHR failure (a bug: left to the
    /// framework). <paramref name="callerAborted"/>: the caller's own request was cancelled (not a timeout).
    /// </summary>
    public static EhrFailure? From(Exception exception, bool callerAborted = false)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerException! : exception;
        return inner switch
        {
            EncounterNotInContextException e => new("not-in-context", StatusCodes.Status403Forbidden, "Encounter not in context", e.Message),
            EhrResponseException e => FromResponse(e),
            FhirOperationException e => FromStatus((int)e.Status, "a request", Codes(e)),
            DeserializationFailedException => Malformed("a request", "it is not FHIR the app can read"),
            InvalidOperationException e when e.Source == "System.Text.Json" => Malformed("a request", "it holds text that is not valid Unicode"),
            TimeoutRejectedException or TimeoutException => Timeout(),
            OperationCanceledException when !callerAborted => Timeout(),
            BrokenCircuitException => new("circuit-open", StatusCodes.Status503ServiceUnavailable, "The EHR is failing",
                "The EHR failed several calls in a row, so the app pauses calls to it for a few seconds. Try again in a moment."),
            RateLimiterRejectedException => Busy(null),
            HttpRequestException e => Unreachable(e),
            _ => null,
        };
    }

    /// <summary>The failure's text for a write that kept its data: the detail and what happens to the kept data.</summary>
    public string KeptMessage(string kept) => $"{Detail.TrimEnd('.')}; {kept}";

    private static EhrFailure FromResponse(EhrResponseException e) => e.Problem switch
    {
        EhrResponseProblem.Malformed => new EhrFailure("malformed", StatusCodes.Status502BadGateway, "The EHR's answer could not be read", e.Message)
        {
            EhrStatus = e.Status,
        },
        EhrResponseProblem.TooLarge => new EhrFailure("too-large", StatusCodes.Status502BadGateway, "The EHR's answer is too large", e.Message)
        {
            EhrStatus = e.Status,
        },
        _ => FromStatus(e.Status, e.What, e.IssueCodes),
    };

    private static EhrFailure FromStatus(int status, string what, IReadOnlyList<string> codes)
    {
        var failure = status switch
        {
            >= 200 and < 300 => Malformed(what, "it is not FHIR the app can read"),
            404 or 410 => new EhrFailure("not-found", StatusCodes.Status404NotFound, "Not found on the EHR",
                $"The EHR found nothing for {what} (HTTP {status})."),
            429 => Busy(status),
            >= 500 => new EhrFailure("ehr-error", StatusCodes.Status502BadGateway, "The EHR failed",
                $"The EHR failed while answering {what} (HTTP {status}); try again in a moment."),
            _ => new EhrFailure("refused", StatusCodes.Status502BadGateway, "The EHR refused a request",
                $"The EHR refused {what} (HTTP {status})."),
        };
        return failure with { EhrStatus = status, IssueCodes = codes };
    }

    private static EhrFailure Malformed(string what, string why) => new("malformed", StatusCodes.Status502BadGateway,
        "The EHR's answer could not be read", $"The EHR's answer to {what} could not be read: {why.TrimEnd('.')}.");

    private static EhrFailure Busy(int? status) => new("busy", StatusCodes.Status503ServiceUnavailable, "The EHR is busy",
        "The EHR is busy and asked the app to slow down" + (status is null ? string.Empty : $" (HTTP {status})") + "; try again in a moment.")
    { EhrStatus = status };

    private static EhrFailure Timeout() => new("timeout", StatusCodes.Status504GatewayTimeout, "The EHR did not answer in time",
        "The EHR did not answer in time (bounds Ehr:Http:AttemptTimeout, Ehr:Http:TotalTimeout, Snapshot:LoadBudget); try again in a moment.");

    private static EhrFailure Unreachable(HttpRequestException e) => e.HttpRequestError is HttpRequestError.ConnectionError
        or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError
        ? new("unreachable", StatusCodes.Status502BadGateway, "The EHR could not be reached", "The EHR could not be reached; try again in a moment.")
        : new("unreadable", StatusCodes.Status502BadGateway, "The EHR's answer could not be read",
            "The EHR's answer could not be read (the connection failed, or the answer was larger than the bound Ehr:Http:MaxResponseBytes); try again in a moment.")
        { EhrStatus = e.StatusCode is { } s ? (int)s : null };

    // Issue codes are FHIR codes ("conflict", "not-found"): never the issue's details or diagnostics text.
    private static List<string> Codes(FhirOperationException e) =>
        e.Outcome?.Issue.Select(i => i.CodeElement?.JsonValue as string).OfType<string>().Where(IsCodeShaped).ToList() ?? [];

    internal static bool IsCodeShaped(string code) => code.Length is > 0 and <= 40 && code.All(c => char.IsAsciiLetterLower(c) || c == '-');
}
