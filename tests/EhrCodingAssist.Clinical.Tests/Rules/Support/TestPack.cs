using EhrCodingAssist.Clinical.Rules;

namespace EhrCodingAssist.Clinical.Tests.Rules.Support;

/// <summary>Writes a small rule pack into a temporary folder; deleted on dispose.</summary>
internal sealed class TestPack : IDisposable
{
    public const string Manifest = """
        name: test
        version: 0.0.1
        code_set_year: 2025
        criteria_sets: [sepsis-2, sepsis-3]
        default_criteria: [sepsis-3]
        """;

    public const string Analytes = """
        creatinine:
          unit: mg/dL
          loinc: [2160-0, 38483-4]
          molar_mass: 113.12
          display: Creatinine
        glucose:
          unit: mg/dL
          loinc: [2345-7, 2339-0]
          molar_mass: 180.16
        systolic-bp:
          unit: mm[Hg]
          loinc: [8480-6]
        diastolic-bp:
          unit: mm[Hg]
          loinc: [8462-4]
        bmi:
          unit: kg/m2
          loinc: [39156-5]
        """;

    public const string Medications = """
        loop-diuretic:
          rxnorm: ["4603"]
          keywords: [furosemide, bumetanide]
        """;

    public const string Phrases = """
        sepsis:
          - sepsis
          - septic
        """;

    public const string AkiRule = """
        id: aki
        version: 1.0.0
        title: Acute kidney injury by KDIGO creatinine criteria
        kind: query
        topic: acute-kidney-injury
        source: "KDIGO 2012 §2.1.1"
        when:
          rise: "observations('creatinine').riseWithin(48, 'mg/dL') >= 0.3 or observations('creatinine').ratioWithin(7) >= 1.5"
        unless:
          documented: "conditions().icd10('N17').exists()"
        values:
          peak: "observations('creatinine').maxIn('mg/dL')"
        evidence:
          - label: Serum creatinine
            select: "observations('creatinine')"
        title_template: "Creatinine rose to {{ values.peak }} mg/dL"
        query_template: |
          Clinical indicators:
          {{ for i in indicators }}- {{ i.summary }}
          {{ end }}
          Based on these indicators, please document the condition being monitored and treated, if any.
        options:
          - code: N17.9
          - code: N17.0
            label: Acute kidney failure with tubular necrosis
          - other
          - clinically-undetermined
        impact:
          severity: CC
        """;

    public TestPack(params (string Path, string Text)[] files)
    {
        Directory = Path.Combine(Path.GetTempPath(), "ehr-pack-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Write("pack.yaml", Manifest);
        Write("analytes.yaml", Analytes);
        Write("medications.yaml", Medications);
        Write("phrases.yaml", Phrases);
        foreach (var (path, text) in files)
        {
            Write(path, text);
        }
    }

    public string Directory { get; }

    public static TestPack WithRule(string id, string yaml, string topic = "test") => new(($"rules/{topic}/{id}.yaml", yaml));

    public RulePack Load() => RulePackLoader.Load(Directory, new FakeCodeSet());

    public void Write(string relative, string text)
    {
        var full = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
