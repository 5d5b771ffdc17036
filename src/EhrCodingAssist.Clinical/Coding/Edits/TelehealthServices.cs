namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// Services that, delivered by telehealth, need a telehealth place of service (02 or 10) and modifier 95 (synchronous
/// audio-video) or 93 (audio only). Codes only, authored from the CMS List of Telehealth Services (CY2025): office and
/// outpatient E/M, psychiatric diagnostic evaluation and psychotherapy, health behaviour, nutrition therapy, smoking
/// cessation, transitional care, advance care planning, annual wellness visits and telehealth consultations.
/// </summary>
internal static class TelehealthServices
{
    public static IReadOnlyList<CodeRange> All { get; } =
    [
        new("99202", "99205"), new("99211", "99215"), new("99231", "99233"), new("99307", "99310"),
        new("90791", "90792"), new("90832", "90838"), new("90845", "90847"), new("96156", "96171"),
        new("97802", "97804"), new("99406", "99407"), new("99495", "99498"),
        new("G0108", "G0109"), new("G0270", "G0270"), new("G0296", "G0296"), new("G0406", "G0408"),
        new("G0425", "G0427"), new("G0438", "G0439"), new("G0442", "G0447"), new("G0459", "G0459"),
    ];

    public static string[] PlacesOfService { get; } = ["02", "10"];

    public static string[] Modifiers { get; } = ["95", "93"];

    public static bool Needs(string code) => All.Any(r => r.Contains(code.Trim().ToUpperInvariant()));
}
