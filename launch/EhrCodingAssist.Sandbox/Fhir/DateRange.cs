using System.Globalization;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>A FHIR date/dateTime/instant/Period as the half-open interval [Low, High) it covers at its precision.</summary>
internal readonly record struct DateRange(DateTimeOffset Low, DateTimeOffset High)
{
    public static DateRange Unbounded => new(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    /// <summary>Parses "2026", "2026-03", "2026-03-11" or a full dateTime (no offset means UTC).</summary>
    public static bool TryParse(string? value, out DateRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        switch (value.Length)
        {
            case 4 when DateTimeOffset.TryParseExact(value, "yyyy", CultureInfo.InvariantCulture, styles, out var year):
                range = new(year, year.AddYears(1));
                return true;
            case 7 when DateTimeOffset.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, styles, out var month):
                range = new(month, month.AddMonths(1));
                return true;
            case 10 when DateTimeOffset.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out var day):
                range = new(day, day.AddDays(1));
                return true;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, styles, out var instant))
        {
            range = new(instant, instant.AddSeconds(1));
            return true;
        }

        return false;
    }

    /// <summary>A Period: a missing start or end is open on that side.</summary>
    public static DateRange FromPeriod(string? start, string? end)
    {
        var low = TryParse(start, out var s) ? s.Low : DateTimeOffset.MinValue;
        var high = TryParse(end, out var e) ? e.High : DateTimeOffset.MaxValue;
        return new(low, high);
    }

    /// <summary>FHIR search date comparison of this (the resource's) range against the parameter's range.</summary>
    public bool Matches(string prefix, DateRange p) => prefix switch
    {
        "eq" => Low >= p.Low && High <= p.High,
        "ne" => !(Low >= p.Low && High <= p.High),
        "gt" => High > p.High,
        "lt" => Low < p.Low,
        "ge" => High > p.Low,
        "le" => Low < p.High,
        "sa" => Low >= p.High,
        "eb" => High <= p.Low,
        "ap" => Low < p.High && High > p.Low,
        _ => false,
    };
}
