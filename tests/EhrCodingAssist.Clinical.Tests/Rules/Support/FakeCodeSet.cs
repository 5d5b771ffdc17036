using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Rules.Support;

/// <summary>A tiny code set for engine tests (the real starter set belongs to the terminology owner).</summary>
internal sealed class FakeCodeSet : ICodeSet
{
    private readonly Dictionary<string, IcdCode> _codes = new(StringComparer.OrdinalIgnoreCase);

    public FakeCodeSet()
    {
        Add("N17", false, "Acute kidney failure");
        Add("N17.0", true, "Acute kidney failure with tubular necrosis");
        Add("N17.9", true, "Acute kidney failure, unspecified");
        Add("A41", false, "Other sepsis");
        Add("A41.9", true, "Sepsis, unspecified organism");
        Add("R65.20", true, "Severe sepsis without septic shock");
        Add("E66.01", true, "Morbid (severe) obesity due to excess calories");
        Add("Z68.41", true, "Body mass index [BMI] 40.0-44.9, adult");
        Add("Z68.45", true, "Body mass index [BMI] 70 or greater, adult");
        Add("I50.9", true, "Heart failure, unspecified");
    }

    public string Version => "ICD-10-CM FY2025 (test)";

    public int FiscalYear => 2025;

    public int Count => _codes.Count;

    public IcdCode? Find(string code) => _codes.GetValueOrDefault(code.Contains('.', StringComparison.Ordinal) || code.Length <= 3 ? code : code[..3] + "." + code[3..]);

    public IReadOnlyList<string> Excludes1(string code) => [];

    public IReadOnlyList<IcdCode> Search(string query, int limit = 20) => _codes.Values.Where(c => c.Code.StartsWith(query, StringComparison.OrdinalIgnoreCase)).Take(limit).ToList();

    private void Add(string code, bool billable, string title) => _codes[code] = new IcdCode(code, billable, null, title);
}
