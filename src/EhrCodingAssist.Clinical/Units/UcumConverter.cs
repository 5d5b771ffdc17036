using System.Collections.Concurrent;
using Fhir.Metrics;

namespace EhrCodingAssist.Clinical.Units;

/// <summary>
/// Converts measured values between UCUM units with Fhir.Metrics, including mass ↔ substance concentration
/// (mg/dL ↔ µmol/L) when the analyte's molar mass is known, and the affine temperature scales.
/// </summary>
public static class UcumConverter
{
    private const string UcumSystem = "http://unitsofmeasure.org";

    // Fhir.Metrics costs ~0.5 ms per conversion: every (from, to) pair is converted once and its factor cached.
    private static readonly ConcurrentDictionary<(string From, string To), decimal?> Factors = new();

    // Conversion plans per (from unit as written, to unit as written, molar mass): Normalize allocates, and the same
    // few triples recur for every value of an encounter.
    private static readonly ConcurrentDictionary<(string From, string To, decimal? MolarMass), Plan> Plans = new();

    [ThreadStatic]
    private static LastPlan? lastPlan;

    private static readonly string[] BodySurfaceSuffixes = ["/{1.73_m2}", "/{1.73m2}", "/1.73_m2", "/1.73m2", "/1.73 m2", "/1.73.m2"];

    private const string PredefinedCulturesOnly = "System.Globalization.PredefinedCulturesOnly";

    static UcumConverter()
    {
        // Fhir.Metrics creates CultureInfo("en-US") in a static initializer, which throws in globalization-invariant
        // mode (our build) unless predefined-cultures-only is off. Turn it off unless the host decided explicitly.
        if (!AppContext.TryGetSwitch(PredefinedCulturesOnly, out _))
        {
            AppContext.SetSwitch(PredefinedCulturesOnly, false);
        }
    }

    /// <summary>True when Fhir.Metrics works in this process (see the static constructor); checked at pack load.</summary>
    public static bool IsAvailable => Factor("mg/dL", "g/L") is not null;

    /// <summary>True when <paramref name="unit"/> is a UCUM unit Fhir.Metrics understands.</summary>
    public static bool IsKnownUnit(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var u = Normalize(unit);
        // Units Fhir.Metrics does not model are still valid when compared only with themselves ([pH], {score}, 1).
        return u is "Cel" or "[degF]" or "[pH]" or "1" || (u.StartsWith('{') && u.EndsWith('}')) || Factor(u, u) is not null;
    }

    /// <summary>Converts <paramref name="value"/> from one UCUM unit to another; false when they are not commensurable.</summary>
    /// <param name="value">The measured value.</param>
    /// <param name="fromUnit">UCUM code (common spellings such as "µmol/L", "mEq/L", "mmHg" are accepted).</param>
    /// <param name="toUnit">Target UCUM code.</param>
    /// <param name="molarMass">Molar mass in g/mol, allowing mass ↔ substance concentration conversion.</param>
    /// <param name="result">The converted value.</param>
    public static bool TryConvert(decimal value, string? fromUnit, string toUnit, decimal? molarMass, out decimal result)
    {
        // The plan for a (from, to, molar mass) triple is worked out once; applying it repeats the same arithmetic
        // in the same order, so results are identical to working it out every time.
        // Values of one analyte arrive in a row with the same units: the last plan of this thread is checked first.
        var from = fromUnit ?? string.Empty;
        Plan plan;
        if (lastPlan is { } last && last.MolarMass == molarMass && string.Equals(last.From, from, StringComparison.Ordinal) && string.Equals(last.To, toUnit, StringComparison.Ordinal))
        {
            plan = last.Plan;
        }
        else
        {
            plan = Plans.GetOrAdd((from, toUnit, molarMass), static key => MakePlan(key.From, key.To, key.MolarMass));
            lastPlan = new LastPlan(from, toUnit, molarMass, plan);
        }

        result = plan.Kind switch
        {
            PlanKind.Identity => value,
            PlanKind.CelsiusToFahrenheit => (value * 9m / 5m) + 32m,
            PlanKind.FahrenheitToCelsius => (value - 32m) * 5m / 9m,
            PlanKind.Factor => value * plan.A,
            PlanKind.MassToSubstance => value * plan.A / plan.MolarMass * plan.B,
            PlanKind.SubstanceToMass => value * plan.A * plan.MolarMass * plan.B,
            _ => 0,
        };
        return plan.Kind != PlanKind.None;
    }

    private static Plan MakePlan(string fromUnit, string toUnit, decimal? molarMass)
    {
        var to = Normalize(toUnit);
        if (string.IsNullOrWhiteSpace(fromUnit))
        {
            // A value recorded without a unit is taken as is only for a dimensionless target (pH, INR, scores).
            return new(IsDimensionless(to) ? PlanKind.Identity : PlanKind.None);
        }

        var from = Normalize(fromUnit);
        if (string.Equals(from, to, StringComparison.Ordinal) || (IsDimensionless(from) && IsDimensionless(to) && (from == "1" || to == "1")))
        {
            return new(PlanKind.Identity);
        }

        switch (from, to)
        {
            case ("Cel", "[degF]"):
                return new(PlanKind.CelsiusToFahrenheit);
            case ("[degF]", "Cel"):
                return new(PlanKind.FahrenheitToCelsius);
            default:
                break;
        }

        if (Factor(from, to) is { } direct)
        {
            return new(PlanKind.Factor, direct);
        }

        if (molarMass is not { } mm || mm <= 0)
        {
            return new(PlanKind.None);
        }

        // mass concentration → g/L → mol/L → target, or the reverse.
        if (Factor(from, "g/L") is { } toGrams && Factor("mol/L", to) is { } fromMoles)
        {
            return new(PlanKind.MassToSubstance, toGrams, fromMoles, mm);
        }

        if (Factor(from, "mol/L") is { } toMoles && Factor("g/L", to) is { } fromGrams)
        {
            return new(PlanKind.SubstanceToMass, toMoles, fromGrams, mm);
        }

        return new(PlanKind.None);
    }

    /// <summary>
    /// A human label for a UCUM unit, for summaries ("Cel" → "°C", "mm[Hg]" → "mmHg", "10*3/uL" → "10³/µL");
    /// annotations and "1" have none (empty). Values themselves stay in UCUM.
    /// </summary>
    public static string Label(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return string.Empty;
        }

        var u = Normalize(unit);
        return u switch
        {
            "Cel" => "°C",
            "[degF]" => "°F",
            "mm[Hg]" => "mmHg",
            "/min" => "/min",
            "%" => "%",
            "[pH]" or "1" => string.Empty,
            "10*3/uL" => "10³/µL",
            "10*9/L" => "10⁹/L",
            "10*6/uL" => "10⁶/µL",
            "kg/m2" => "kg/m²",
            _ when u.StartsWith('{') && u.EndsWith('}') => string.Empty,
            _ => u.Replace("umol", "µmol", StringComparison.Ordinal).Replace("ug", "µg", StringComparison.Ordinal).Replace("uL", "µL", StringComparison.Ordinal)
                .Replace("[iU]", "IU", StringComparison.Ordinal).Replace("[IU]", "IU", StringComparison.Ordinal),
        };
    }

    /// <summary>True for UCUM units without dimension: "1", annotations such as "{score}" or "{INR}", and "[pH]".</summary>
    public static bool IsDimensionless(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var u = Normalize(unit);
        return u is "1" or "[pH]" || (u.StartsWith('{') && u.EndsWith('}'));
    }

    /// <summary>
    /// Maps common non-UCUM spellings to their UCUM code. eGFR's body-surface normalisation
    /// ("mL/min/{1.73_m2}", "mL/min/1.73m2") is a UCUM annotation without dimension, so it is dropped: eGFR reported in
    /// mL/min and in mL/min/1.73 m² compare as the same unit (docs/rule-format.md).
    /// </summary>
    public static string Normalize(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var u = unit.Trim().Replace('µ', 'u').Replace('μ', 'u');
        foreach (var bsa in BodySurfaceSuffixes)
        {
            if (u.EndsWith(bsa, StringComparison.OrdinalIgnoreCase))
            {
                u = u[..^bsa.Length];
                break;
            }
        }

        return u switch
        {
            "pH" or "PH" => "[pH]",
            "INR" or "ratio" => "{INR}",
            "score" or "points" or "{points}" => "{score}",
            "mEq/L" or "MEQ/L" => "meq/L",
            "mmHg" or "mm Hg" or "mmhg" => "mm[Hg]",
            "bpm" or "beats/min" or "{beats}/min" or "breaths/min" or "{breaths}/min" => "/min",
            "°C" or "C" or "degC" => "Cel",
            "°F" or "F" or "degF" => "[degF]",
            "kg/m^2" or "kg/m²" => "kg/m2",
            "percent" => "%",
            "K/uL" or "x10^3/uL" or "10^3/uL" or "thou/uL" => "10*3/uL",
            "x10^9/L" or "10^9/L" => "10*9/L",
            _ => u,
        };
    }

    private static decimal? Factor(string from, string to) => Factors.GetOrAdd((from, to), static key =>
    {
        try
        {
            return FhirMetricService.Instance.Value.TryConvertTo((1m, key.From, UcumSystem), key.To, out var converted) && converted is { } c
                ? c.Item1
                : null;
        }
#pragma warning disable CA1031 // an unparseable unit is "not convertible", whatever Fhir.Metrics throws
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    });

    private enum PlanKind
    {
        None,
        Identity,
        CelsiusToFahrenheit,
        FahrenheitToCelsius,
        Factor,
        MassToSubstance,
        SubstanceToMass,
    }

    private readonly record struct Plan(PlanKind Kind, decimal A = 0, decimal B = 0, decimal MolarMass = 0);

    private sealed record LastPlan(string From, string To, decimal? MolarMass, Plan Plan);
}
