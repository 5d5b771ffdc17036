using System.ComponentModel.DataAnnotations;

namespace EhrCodingAssist.Web.Encounters;

/// <summary>Bounds of the encounter snapshot load (configuration section "Snapshot"), validated at start-up.</summary>
public sealed class SnapshotOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Snapshot";

    /// <summary>The _count asked of the EHR per search page. Defaults to 200.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 200;

    /// <summary>Most Bundle pages followed per search (first page included). Defaults to 25.</summary>
    [Range(1, 1000)]
    public int MaxPagesPerSearch { get; set; } = 25;

    /// <summary>Most resources kept per search; the rest are not read. Defaults to 5,000.</summary>
    [Range(1, 100_000)]
    public int MaxResourcesPerSearch { get; set; } = 5_000;

    /// <summary>
    /// Days before the encounter start from which lab and vital-sign Observations are read, so rules can compare
    /// with a baseline (KDIGO uses the prior 7 days). Defaults to 7; 0 reads the encounter period only.
    /// </summary>
    [Range(0, 365)]
    public int ObservationLookbackDays { get; set; } = 7;

    /// <summary>
    /// Longest time loading one encounter's chart may take, every read, search page and attachment included. When it
    /// runs out, unfinished searches keep what they read and the page says so; an unread Encounter is an error.
    /// Defaults to 60 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan LoadBudget { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most note attachments fetched by URL per encounter. Defaults to 50.</summary>
    [Range(0, 1000)]
    public int MaxAttachmentFetches { get; set; } = 50;

    /// <summary>Largest note attachment read, in bytes. Defaults to 2 MiB.</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxAttachmentBytes { get; set; } = 2 * 1024 * 1024;
}
