namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>
/// CMS place-of-service codes the workbench offers (the common ones; the API takes any two-digit code) and the default
/// for an encounter class.
/// </summary>
internal static class PlacesOfService
{
    /// <summary>Code and CMS name, in code order.</summary>
    public static IReadOnlyList<(string Code, string Name)> Common { get; } =
    [
        ("02", "Telehealth provided other than in patient's home"),
        ("10", "Telehealth provided in patient's home"),
        ("11", "Office"),
        ("12", "Home"),
        ("19", "Off campus-outpatient hospital"),
        ("20", "Urgent care facility"),
        ("21", "Inpatient hospital"),
        ("22", "On campus-outpatient hospital"),
        ("23", "Emergency room - hospital"),
        ("24", "Ambulatory surgical center"),
        ("31", "Skilled nursing facility"),
        ("32", "Nursing facility"),
        ("81", "Independent laboratory"),
        ("99", "Other place of service"),
    ];

    /// <summary>
    /// The place of service a new working set starts with: inpatient classes 21, emergency 23, observation and short
    /// stay 22 (on-campus outpatient), home health 12. None for virtual (VR: 02 or 10 depends on where the patient was,
    /// which the coder reads in the note) and ambulatory (office 11 or hospital clinic 22) encounters, nor unknown classes.
    /// </summary>
    public static string? DefaultFor(string? encounterClass) => encounterClass switch
    {
        "IMP" or "ACUTE" or "NONAC" => "21",
        "EMER" => "23",
        "OBSENC" or "SS" => "22",
        "HH" => "12",
        _ => null,
    };

    /// <summary>True for a two-digit code.</summary>
    public static bool IsWellFormed(string code) => code.Length == 2 && code.All(char.IsAsciiDigit);
}
