namespace EhrCodingAssist.Web.Queries;

/// <summary>Query timing; bound from the "Queries" section.</summary>
public sealed record QueryLifecycleOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Queries";

    /// <summary>An unanswered query is escalated (flagged to the CDI specialist) after this. Defaults to 2 days.</summary>
    public TimeSpan EscalateAfter { get; init; } = TimeSpan.FromDays(2);

    /// <summary>An unanswered query expires after this. Defaults to 30 days.</summary>
    public TimeSpan ExpireAfter { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How often the escalation sweep runs. Defaults to 5 minutes.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMinutes(5);
}
