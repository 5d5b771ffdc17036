using EhrCodingAssist.Clinical.Notes;

namespace EhrCodingAssist.Clinical.Rules;

/// <summary>An analyte: a named set of LOINC codes (serum, plasma, blood variants) and its canonical UCUM unit.</summary>
/// <param name="Name">Name used in rules, e.g. "creatinine".</param>
/// <param name="Unit">Canonical UCUM unit for comparisons.</param>
/// <param name="Loinc">LOINC codes matched in Observation.code and Observation.component.code.</param>
/// <param name="MolarMass">Molar mass in g/mol, enabling mass ↔ substance concentration conversion.</param>
/// <param name="Display">Label for evidence summaries; defaults to the observation's own code text.</param>
public sealed record AnalyteDefinition(string Name, string Unit, IReadOnlyList<string> Loinc, decimal? MolarMass, string? Display);

/// <summary>A medication class: RxNorm codes and name keywords.</summary>
/// <param name="Name">Name used in rules, e.g. "loop-diuretic".</param>
/// <param name="RxNorm">RxNorm codes matched on any coding of the medication.</param>
/// <param name="Keywords">Case-insensitive words matched in the medication text/display.</param>
public sealed record MedicationClass(string Name, IReadOnlyList<string> RxNorm, IReadOnlyList<string> Keywords);

/// <summary>The named vocabularies of a pack (analytes, medication classes, phrase sets) that rule functions refer to.</summary>
public sealed class PackDefinitions
{
    /// <summary>Creates the definitions.</summary>
    public PackDefinitions(
        IReadOnlyDictionary<string, AnalyteDefinition> analytes,
        IReadOnlyDictionary<string, MedicationClass> medications,
        IReadOnlyDictionary<string, PhraseMatcher> phrases)
    {
        Analytes = analytes;
        Medications = medications;
        Phrases = phrases;
    }

    /// <summary>Analytes by name.</summary>
    public IReadOnlyDictionary<string, AnalyteDefinition> Analytes { get; }

    /// <summary>Medication classes by name.</summary>
    public IReadOnlyDictionary<string, MedicationClass> Medications { get; }

    /// <summary>Phrase sets by name.</summary>
    public IReadOnlyDictionary<string, PhraseMatcher> Phrases { get; }
}
