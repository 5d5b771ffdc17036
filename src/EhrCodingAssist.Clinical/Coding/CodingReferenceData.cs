using EhrCodingAssist.Clinical.Coding.Ncci;
using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding;

/// <summary>The versioned reference data the coding edits and the coder view use; tables left null are not checked.</summary>
public sealed record CodingReferenceData
{
    /// <summary>ICD-10-CM code sets by fiscal year.</summary>
    public required CodeSetRegistry IcdCodeSets { get; init; }

    /// <summary>POA exempt lists by fiscal year; defaults to the shipped starter transcription of Appendix I (FY2025).</summary>
    public PoaExemptRegistry PoaExempt { get; init; } = PoaExemptRegistry.Starter;

    /// <summary>
    /// The code groups of the guideline edits by fiscal year; defaults to the shipped authored FY2025 file
    /// (coding-data/coding-edit-groups-fy2025.txt).
    /// </summary>
    public FiscalYearRegistry<CodingEditGroups> EditGroups { get; init; } = CodingEditGroups.Starter;

    /// <summary>Payer-dependent rules (telehealth modifiers …); defaults to the shipped coding-data/payer-rules.json.</summary>
    public PayerRuleSet PayerRules { get; init; } = PayerRuleSet.Starter;

    /// <summary>HCPCS Level II codes and modifiers.</summary>
    public HcpcsCodeSet? Hcpcs { get; init; }

    /// <summary>CPT: codes only unless the customer imported descriptors.</summary>
    public CptCodeSet Cpt { get; init; } = CptCodeSet.CodesOnly;

    /// <summary>NCCI procedure-to-procedure edits (the customer's CMS quarterly files).</summary>
    public NcciPtpTable? Ptp { get; init; }

    /// <summary>Medically unlikely edits (the customer's CMS quarterly file).</summary>
    public MueTable? Mue { get; init; }

    /// <summary>MS-DRG CC/MCC designations.</summary>
    public CcMccTable? CcMcc { get; init; }

    /// <summary>CMS-HCC V28 mapping.</summary>
    public HccTable? Hcc { get; init; }

    /// <summary>CMS-HCC V28 hierarchies (apply to the encounter's categories together).</summary>
    public HccHierarchy? HccHierarchy { get; init; }
}
