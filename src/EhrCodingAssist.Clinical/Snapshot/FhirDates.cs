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

        return new FhirDateTime(value).TryToDateTimeOffset(TimeSpan.Zero, out var result) ? result : null;
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
