using System.Globalization;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.Pages;

/// <summary>Formats dates and numbers the same way on every page.</summary>
public static class Display
{
    /// <summary>"2026-11-20 08:15" in the moment's own offset.</summary>
    public static string Moment(DateTimeOffset moment) =>
        moment.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A FHIR dateTime as <see cref="Moment"/> (date-only values stay dates); "—" when absent.</summary>
    public static string FhirDateTime(FhirDateTime? value)
    {
        if (value?.Value is not { } text)
        {
            return "—";
        }

        return text.Length <= 10 || !value.TryToDateTimeOffset(out var moment) ? text : Moment(moment);
    }

    /// <summary>A decimal without trailing zeros.</summary>
    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
