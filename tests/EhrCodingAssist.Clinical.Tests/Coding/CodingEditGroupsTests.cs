using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Terminology;
using EhrCodingAssist.Clinical.Tests.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Coding;

public sealed class CodingEditGroupsTests
{
    [Fact]
    public void Starter_EveryGroupNamesItsSourceAndEveryCodeIsInTheFy2025Release()
    {
        var groups = Assert.Single(CodingEditGroups.Starter.All);

        Assert.Equal(2025, groups.FiscalYear);
        Assert.All(groups.All, g => Assert.False(string.IsNullOrWhiteSpace(g.Source)));
        var unknown = groups.All.SelectMany(g => g.Codes.SelectMany(r => new[] { r.From, r.To }))
            .Where(c => TerminologyTestData.Full.Find(c) is null && c is not ("V00" or "Y99" or "O9A"))
            .ToList();
        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("coding-edit-groups FY2025\nckd | N18 | - | ckd\n", 2, "five fields")]
    [InlineData("coding-edit-groups FY2025\nckd | N18 | sex=X | ckd | src\n", 2, "condition 'sex=X'")]
    [InlineData("coding-edit-groups FY2025\nckd | N18 | age=30-20 | ckd | src\n", 2, "ends before it starts")]
    [InlineData("coding-edit-groups FY2025\nckd | N99999999 | - | ckd | src\n", 2, "not an ICD-10-CM code")]
    [InlineData("coding-edit-groups FY2025\nckd | N18 | - | ckd | src\nckd | N18 | - | ckd | src\n", 3, "appears twice")]
    [InlineData("edit-groups 2025\n", 1, "expected the header")]
    [InlineData("coding-edit-groups FY2025\nckd | N18 | - | ckd | src\n", 0, "group 'hypertension-essential' is missing")]
    public void Load_BadFile_FailsWithFileAndLine(string text, int line, string reason)
    {
        var path = TerminologyTestData.WriteTemp("groups.txt", text.Split('\n'));

        var e = Assert.Throws<CodeSetFormatException>(() => CodingEditGroups.Load(path));

        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
