using System.ComponentModel.DataAnnotations;

namespace EhrCodingAssist.Web.Persistence;

/// <summary>Where the app keeps its store; bound from the "Database" section.</summary>
public sealed record DatabaseOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Database";

    /// <summary>"sqlite" or "postgres". Defaults to "sqlite".</summary>
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Database:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; init; } = "sqlite";

    /// <summary>
    /// The connection string. Defaults (sqlite only) to a file "ehrcodingassist.db" under <see cref="DataFolder"/>.
    /// Required for postgres.
    /// </summary>
    public string? ConnectionString { get; init; }

    /// <summary>The app's data folder. Defaults to "data" under the content root.</summary>
    public string? DataFolder { get; init; }

    /// <summary>Apply pending migrations at start-up. Defaults to true.</summary>
    public bool MigrateOnStart { get; init; } = true;
}
