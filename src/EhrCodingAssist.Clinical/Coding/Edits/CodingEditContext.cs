using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>The working set, its reference data and the code set that applies to its date of service.</summary>
internal sealed class CodingEditContext(CodingWorkingSet workingSet, CodingReferenceData data)
{
    public CodingWorkingSet WorkingSet { get; } = workingSet;

    public CodingReferenceData Data { get; } = data;

    /// <summary>Which ICD-10-CM release applies to the date of service, and whether it is that year's own.</summary>
    public CodeSetResolution IcdResolution { get; } = data.IcdCodeSets.Resolve(workingSet.DateOfService);

    /// <summary>
    /// The ICD-10-CM release the checks use: the date of service's fiscal year, else the latest earlier release loaded
    /// (<see cref="CodeSetYearEdit"/> tells the coder); null when no release applies.
    /// </summary>
    public ICodeSet? IcdSet => IcdResolution.Set;

    /// <summary>
    /// The POA exempt list for the date of service (its fiscal year's, else the latest earlier one), resolved once for
    /// <see cref="PoaEdit"/> and <see cref="PoaExemptYearEdit"/>.
    /// </summary>
    public FiscalYearResolution<PoaExemptList> PoaResolution { get; } = data.PoaExempt.Resolution(workingSet.DateOfService);

    /// <summary>The coding-edit code groups for the date of service (its fiscal year's, else the latest earlier one); null when none applies.</summary>
    public CodingEditGroups? Groups { get; } = data.EditGroups.Resolve(workingSet.DateOfService).Value;

    /// <summary>The payer rules of the working set's primary payer (the default profile when no configured payer matches).</summary>
    public PayerProfile Payer { get; } = data.PayerRules.For(workingSet.Payers);

    /// <summary>Diagnoses in sequence order.</summary>
    public IReadOnlyList<CodedDiagnosis> Diagnoses { get; } = [.. workingSet.Diagnoses.OrderBy(d => d.Sequence)];

    /// <summary>The line's date of service.</summary>
    public DateOnly DateOf(ServiceLine line) => line.ServiceDate ?? WorkingSet.DateOfService;

    /// <summary>An ICD-10-CM code reference with its title from the active set.</summary>
    public CodeRef Icd(string code)
    {
        var found = IcdSet?.Find(code);
        return new CodeRef(CodeRef.Icd10Cm, found?.Code ?? code, found?.LongTitle);
    }

    /// <summary>A CPT or HCPCS code reference (CPT without display unless the customer imported descriptors).</summary>
    public CodeRef Service(ServiceLine line) => line.System == ServiceCodeSystem.Cpt
        ? new CodeRef(CodeRef.Cpt, line.Code, Data.Cpt.Descriptor(line.Code))
        : new CodeRef(CodeRef.Hcpcs, line.Code, Data.Hcpcs?.Find(line.Code)?.ShortDescription);

    /// <summary>Builds an edit finding.</summary>
    public static Finding Edit(string rule, string title, string text, IReadOnlyList<CodeRef> codes, string source) => new()
    {
        Rule = rule,
        RuleVersion = "1",
        Kind = FindingKind.Edit,
        Topic = "coding-edit",
        Title = title,
        Text = text,
        Codes = codes,
        Evidence = [],
        Source = source,
    };
}
