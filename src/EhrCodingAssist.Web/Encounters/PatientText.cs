using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.Encounters;

/// <summary>Human-readable parts of a Patient for the banner: name, sex, birth date, age, MRN.</summary>
public static class PatientText
{
    private const string IdentifierTypeSystem = "http://terminology.hl7.org/CodeSystem/v2-0203";

    /// <summary>The official (else usual, else first) name as "Given Family", or its text.</summary>
    public static string Name(Patient patient)
    {
        var name = patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official)
            ?? patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Usual)
            ?? patient.Name.FirstOrDefault();
        if (name is null)
        {
            return "Unnamed patient";
        }

        if (!string.IsNullOrWhiteSpace(name.Text))
        {
            return name.Text;
        }

        var parts = name.Given.Append(name.Family).Where(p => !string.IsNullOrWhiteSpace(p));
        var text = string.Join(' ', parts);
        return text.Length > 0 ? text : "Unnamed patient";
    }

    /// <summary>Administrative gender as a word ("Female"), or "Unknown".</summary>
    public static string Sex(Patient patient) => patient.Gender switch
    {
        AdministrativeGender.Female => "Female",
        AdministrativeGender.Male => "Male",
        AdministrativeGender.Other => "Other",
        _ => "Unknown",
    };

    /// <summary>The birth date, when it is a full date.</summary>
    public static DateOnly? BirthDate(Patient patient) =>
        DateOnly.TryParseExact(patient.BirthDate, "yyyy-MM-dd", out var date) ? date : null;

    /// <summary>Age in whole years on <paramref name="today"/>.</summary>
    public static int? Age(Patient patient, DateOnly today)
    {
        if (BirthDate(patient) is not { } birth)
        {
            return null;
        }

        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }

    /// <summary>The medical record number: the identifier typed MR, else the first identifier's value.</summary>
    public static string? Mrn(Patient patient) =>
        (patient.Identifier.FirstOrDefault(i => i.Type?.Coding.Any(c => c.Code == "MR"
            && (c.System is null || c.System == IdentifierTypeSystem)) == true)
            ?? patient.Identifier.FirstOrDefault())?.Value;
}
