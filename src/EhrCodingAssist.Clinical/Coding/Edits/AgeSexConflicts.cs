namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// One age or sex condition on a range of ICD-10-CM codes: the code is expected only for <see cref="Sex"/> and/or
/// only within <see cref="MinAge"/>..<see cref="MaxAge"/> years.
/// </summary>
internal sealed record AgeSexCondition(string Id, CodeRange Codes, string Group, AdministrativeSex? Sex = null, int? MinAge = null, int? MaxAge = null);

/// <summary>
/// The age and sex conditions, authored from the ICD-10-CM tabular (chapter and block titles) and the age ranges of the
/// CMS Medicare Code Editor (maternity 9-64, newborn 0). Newborn (P) codes are flagged for adults only (18+), because
/// guideline I.C.16.a.4 allows perinatal codes later in life.
/// </summary>
internal static class AgeSexConflicts
{
    public static IReadOnlyList<AgeSexCondition> All { get; } =
    [
        // Female only.
        new("pregnancy-sex", new("O00", "O9A"), "pregnancy, childbirth and the puerperium (O00-O9A)", Sex: AdministrativeSex.Female),
        new("pregnancy-z-sex", new("Z33", "Z3A"), "pregnancy-related encounter and status codes (Z33-Z3A)", Sex: AdministrativeSex.Female),
        new("delivery-outcome-sex", new("Z37", "Z37"), "outcome of delivery (Z37)", Sex: AdministrativeSex.Female),
        new("postpartum-sex", new("Z39", "Z39"), "postpartum care and examination (Z39)", Sex: AdministrativeSex.Female),
        new("female-genital-neoplasm-sex", new("C51", "C58"), "malignant neoplasms of female genital organs (C51-C58)", Sex: AdministrativeSex.Female),
        new("cervix-cis-sex", new("D06", "D06"), "carcinoma in situ of cervix uteri (D06)", Sex: AdministrativeSex.Female),
        new("female-genital-benign-sex", new("D25", "D28"), "benign neoplasms of female genital organs (D25-D28)", Sex: AdministrativeSex.Female),
        new("female-genital-uncertain-sex", new("D39", "D39"), "neoplasms of uncertain behavior of female genital organs (D39)", Sex: AdministrativeSex.Female),
        new("female-pelvic-sex", new("N70", "N98"), "diseases of female pelvic organs and genital tract (N70-N98)", Sex: AdministrativeSex.Female),
        new("female-specimen-sex", new("R87", "R87"), "abnormal findings in specimens from female genital organs (R87)", Sex: AdministrativeSex.Female),

        // Male only.
        new("male-genital-neoplasm-sex", new("C60", "C63"), "malignant neoplasms of male genital organs (C60-C63)", Sex: AdministrativeSex.Male),
        new("male-genital-cis-sex", new("D074", "D076"), "carcinoma in situ of male genital organs (D07.4-D07.6)", Sex: AdministrativeSex.Male),
        new("male-genital-benign-sex", new("D29", "D29"), "benign neoplasms of male genital organs (D29)", Sex: AdministrativeSex.Male),
        new("male-genital-uncertain-sex", new("D40", "D40"), "neoplasms of uncertain behavior of male genital organs (D40)", Sex: AdministrativeSex.Male),
        new("male-genital-sex", new("N40", "N53"), "diseases of male genital organs (N40-N53)", Sex: AdministrativeSex.Male),
        new("psa-sex", new("R972", "R972"), "elevated prostate specific antigen (R97.2)", Sex: AdministrativeSex.Male),
        new("prostate-screening-sex", new("Z125", "Z125"), "screening for malignant neoplasm of prostate (Z12.5)", Sex: AdministrativeSex.Male),

        // Age.
        new("maternity-age", new("O00", "O9A"), "pregnancy, childbirth and the puerperium (O00-O9A)", MinAge: 9, MaxAge: 64),
        new("maternity-z-age", new("Z33", "Z3A"), "pregnancy-related encounter and status codes (Z33-Z3A)", MinAge: 9, MaxAge: 64),
        new("newborn-age", new("P00", "P96"), "certain conditions originating in the perinatal period (P00-P96)", MaxAge: 17),
        new("liveborn-age", new("Z38", "Z38"), "liveborn infants according to place of birth (Z38)", MaxAge: 0),
        new("newborn-exam-age", new("Z0011", "Z0011"), "newborn health examination (Z00.11-)", MaxAge: 0),
        new("child-exam-age", new("Z0012", "Z0012"), "routine child health examination (Z00.12-)", MaxAge: 17),
        new("adult-exam-age", new("Z000", "Z000"), "general adult medical examination (Z00.0-)", MinAge: 18),
    ];
}
