using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EhrCodingAssist.Web.Persistence;

/// <summary>
/// Model conventions of the PostgreSQL contexts. Npgsql maps <see cref="DateTimeOffset"/> to
/// <c>timestamp with time zone</c> and refuses to write a value whose offset is not zero; instants that come from the
/// EHR (evidence dates such as 2025-03-10T08:00:00-05:00) keep their offset, so every instant is converted to UTC on
/// the way in. The instant is unchanged; only its offset is lost (PostgreSQL keeps none), and it reads back as UTC.
/// </summary>
internal static class PostgresConventions
{
    public static void Apply(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    /// <summary>Writes instants as UTC; reads them as they come (UTC).</summary>
    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
