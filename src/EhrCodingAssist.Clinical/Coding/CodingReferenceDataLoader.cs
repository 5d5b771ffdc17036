using EhrCodingAssist.Clinical.Coding.Ncci;
using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding;

/// <summary>Loads <see cref="CodingReferenceData"/> from configured paths; throws CodeSetFormatException naming file and line.</summary>
public static class CodingReferenceDataLoader
{
    /// <summary>Loads every configured table; without ICD-10-CM or POA exempt paths the shipped starter data is used.</summary>
    public static CodingReferenceData Load(CodingDataPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        IEnumerable<ICodeSet> icd = paths.IcdCodeSets.Count > 0 ? paths.IcdCodeSets.Select(p => CodeSetLoader.Load(p)) : [StarterCodeSet.Load()];
        return new CodingReferenceData
        {
            IcdCodeSets = new CodeSetRegistry([.. icd]),
            PoaExempt = paths.PoaExempt.Count > 0 ? new PoaExemptRegistry([.. paths.PoaExempt.Select(PoaExemptList.Load)]) : PoaExemptRegistry.Starter,
            EditGroups = paths.EditGroups.Count > 0 ? CodingEditGroups.Registry([.. paths.EditGroups.Select(CodingEditGroups.Load)]) : CodingEditGroups.Starter,
            PayerRules = paths.PayerRules is { } payers ? PayerRuleSet.Load(payers) : PayerRuleSet.Starter,
            Hcpcs = paths.Hcpcs is { } hcpcs ? HcpcsCodeSet.Load(hcpcs) : null,
            Cpt = paths.CptDescriptors is { } cpt ? CptCodeSet.LoadDescriptors(cpt) : CptCodeSet.CodesOnly,
            CcMcc = paths.CcMcc is { } ccMcc ? CcMccTable.Load(ccMcc, paths.CcMccVersion) : null,
            Hcc = paths.HccMapping is { } mapping ? HccTable.Load(mapping, paths.HccLabels) : null,
            HccHierarchy = paths.HccHierarchies is { } hierarchies ? HccHierarchy.Load(hierarchies) : null,
            Ptp = paths.NcciPtp.Count > 0 ? NcciPtpTable.Load([.. paths.NcciPtp]) : null,
            Mue = paths.Mue is { } mue ? MueTable.Load(mue) : null,
        };
    }
}
