using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Rules.FhirPath;

/// <summary>Patient age and sex as rules see them.</summary>
internal static class Demographics
{
    /// <summary>Age in whole years at the encounter start (else the as-of time); null without a birth date.</summary>
    public static long? AgeAt(SnapshotIndex index)
    {
        if (FhirDates.Parse(index.Snapshot.Patient?.BirthDate) is not { } born)
        {
            return null;
        }

        var at = (index.Start ?? index.Snapshot.AsOf).UtcDateTime.Date;
        var b = born.UtcDateTime.Date;
        var age = at.Year - b.Year;
        if (at.Month < b.Month || (at.Month == b.Month && at.Day < b.Day))
        {
            age--;
        }

        return age;
    }

    public static string Sex(Patient? patient) => patient?.Gender switch
    {
        AdministrativeGender.Male => "male",
        AdministrativeGender.Female => "female",
        AdministrativeGender.Other => "other",
        _ => "unknown",
    };
}
