namespace EhrCodingAssist.Web.WriteBack;

/// <summary>Write-back log lines: query ids and statuses only, never patient data.</summary>
internal static partial class WriteBackLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Write-back of query {QueryId}: {Status}")]
    public static partial void WriteFinished(ILogger logger, string queryId, EhrCodingAssist.Web.Persistence.WriteStatus status);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Write-back of query {QueryId} failed with HTTP {HttpStatus}")]
    public static partial void WriteFailed(ILogger logger, string queryId, int httpStatus);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Write-back of query {QueryId} could not reach the EHR ({ErrorType})")]
    public static partial void WriteUnreachable(ILogger logger, string queryId, string errorType);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Write-back of query {QueryId}: an earlier attempt had committed")]
    public static partial void Reconciled(ILogger logger, string queryId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "CDex mirror of query {QueryId} failed with HTTP {HttpStatus}")]
    public static partial void MirrorFailed(ILogger logger, string queryId, int httpStatus);
}
