using System.Globalization;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Snapshot;

/// <summary>Reads FHIR date/dateTime/instant strings and the effective time of common resources.</summary>
internal static class FhirDates
{
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        // Hand-parsed: Firely's FhirDateTime conversion costs ~18 µs, far too much for an index over 2,000 resources.
        // Partial dates (YYYY, YYYY-MM) take their first instant; times without an offset are taken as UTC.
        if (value.Length is 4 or 7 or 10 && TryPartial(value, out var partial))
        {
            return partial;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var result) ? result : null;
    }

    private static bool TryPartial(string value, out DateTimeOffset result)
    {
        result = default;
        if (!int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            return false;
        }

        var month = 1;
        var day = 1;
        if (value.Length >= 7 && (value[4] != '-' || !int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month) || month is < 1 or > 12))
        {
            return false;
        }

        if (value.Length == 10 && (value[7] != '-' || !int.TryParse(value.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out day) || day < 1 || day > DateTime.DaysInMonth(year, month)))
        {
            return false;
        }

        result = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
        return true;
    }

    public static DateTimeOffset? Of(DataType? effective) => effective switch
    {
        FhirDateTime dt => Parse(dt.Value),
        Period p => Parse(p.Start) ?? Parse(p.End),
        Instant i => i.Value,
        Date d => Parse(d.Value),
        _ => null,
    };

    public static DateTimeOffset? Of(Observation o) => Of(o.Effective) ?? o.Issued;
}
