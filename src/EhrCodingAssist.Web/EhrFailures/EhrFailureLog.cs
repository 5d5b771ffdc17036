namespace EhrCodingAssist.Web.EhrFailures;

/// <summary>Log lines of EHR failures: kinds, statuses and OperationOutcome issue codes only (no EHR text, no ids).</summary>
internal static partial class EhrFailureLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Warning,
        Message = "EHR failure answered as HTTP {Status}: {Kind} (EHR HTTP {EhrStatus}, issue codes [{IssueCodes}])")]
    public static partial void Answered(ILogger logger, string kind, int status, int ehrStatus, string issueCodes);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning,
        Message = "EHR resource skipped: {ResourceType} unreadable ({Reason})")]
    public static partial void Skipped(ILogger logger, string resourceType, string reason);
}
