namespace EhrCodingAssist.Web.Logging;

/// <summary>
/// Keeps patient data out of logs by default. Framework categories that log request URLs, outgoing FHIR URLs
/// (which carry patient and encounter ids in paths and search parameters) or SQL are raised to Warning; the app's
/// own logging is source-generated <c>[LoggerMessage]</c> with counts, timings and types only. Configuration may
/// still lower a category deliberately (e.g. while debugging against synthetic data).
/// </summary>
public static class PhiSafeLogging
{
    private static readonly string[] UrlOrSqlCategories =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http.HttpClient",
        "Yarp",
        "Microsoft.EntityFrameworkCore",
    ];

    /// <summary>Adds the filters.</summary>
    public static ILoggingBuilder AddPhiSafeLogging(this ILoggingBuilder logging)
    {
        foreach (var category in UrlOrSqlCategories)
        {
            logging.AddFilter(category, LogLevel.Warning);
        }

        return logging;
    }
}
