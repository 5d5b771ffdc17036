namespace EhrCodingAssist.Benchmarks;

/// <summary>A lab or vital the generator emits: LOINC, display, UCUM unit, and a normal value with its spread.</summary>
internal sealed record SyntheticAnalyte(string Loinc, string Display, string Unit, double Normal, double Spread, bool Vital);

internal static class SyntheticAnalytes
{
    public static IReadOnlyList<SyntheticAnalyte> All { get; } =
    [
        new("8867-4", "Heart rate", "/min", 82, 12, true),
        new("9279-1", "Respiratory rate", "/min", 16, 3, true),
        new("8310-5", "Body temperature", "Cel", 37.0, 0.5, true),
        new("8480-6", "Systolic blood pressure", "mm[Hg]", 124, 14, true),
        new("8462-4", "Diastolic blood pressure", "mm[Hg]", 76, 8, true),
        new("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", 96, 2, true),
        new("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", 1.0, 0.25, false),
        new("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", 139, 3, false),
        new("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", 4.2, 0.4, false),
        new("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", 110, 25, false),
        new("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*3/uL", 8.5, 2.5, false),
        new("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", 13.2, 1.2, false),
        new("777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL", 240, 50, false),
        new("2524-7", "Lactate [Moles/volume] in Serum or Plasma", "mmol/L", 1.2, 0.4, false),
        new("3094-0", "Urea nitrogen [Mass/volume] in Serum or Plasma", "mg/dL", 15, 5, false),
        new("1963-8", "Bicarbonate [Moles/volume] in Serum or Plasma", "mmol/L", 25, 2, false),
    ];
}
