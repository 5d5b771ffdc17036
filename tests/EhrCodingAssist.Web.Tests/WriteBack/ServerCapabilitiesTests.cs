using EhrCodingAssist.Web.WriteBack;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.Tests.WriteBack;

public sealed class ServerCapabilitiesTests
{
    private static CapabilityStatement Statement(bool transaction, params (string Type, CapabilityStatement.TypeRestfulInteraction Interaction)[] resources) => new()
    {
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Interaction = transaction ? [new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.Transaction }] : [],
                Resource = resources.GroupBy(r => r.Type).Select(g => new CapabilityStatement.ResourceComponent
                {
                    Type = g.Key,
                    Interaction = g.Select(r => new CapabilityStatement.ResourceInteractionComponent { Code = r.Interaction }).ToList(),
                }).ToList(),
            },
        ],
    };

    [Fact]
    public void From_TransactionAndConditionCreate_CanWrite() =>
        Assert.True(ServerCapabilities.From(Statement(true, ("Condition", CapabilityStatement.TypeRestfulInteraction.Create))).CanWriteCondition);

    [Fact]
    public void From_NoTransaction_CannotWrite() =>
        Assert.False(ServerCapabilities.From(Statement(false, ("Condition", CapabilityStatement.TypeRestfulInteraction.Create))).CanWriteCondition);

    [Fact]
    public void From_ConditionReadOnly_CannotWrite() =>
        Assert.False(ServerCapabilities.From(Statement(true, ("Condition", CapabilityStatement.TypeRestfulInteraction.Read))).CanWriteCondition);

    [Fact]
    public void From_TaskQuestionnaireAndResponse_CdexMirror()
    {
        var caps = ServerCapabilities.From(Statement(
            true,
            ("Task", CapabilityStatement.TypeRestfulInteraction.Create),
            ("Questionnaire", CapabilityStatement.TypeRestfulInteraction.Create),
            ("QuestionnaireResponse", CapabilityStatement.TypeRestfulInteraction.Create)));

        Assert.True(caps.CdexMirror);
        Assert.False(ServerCapabilities.From(Statement(true, ("Task", CapabilityStatement.TypeRestfulInteraction.Create))).CdexMirror);
    }

    [Fact]
    public void From_ClaimCreateOnly_ClaimCreateWithoutUpdate()
    {
        var caps = ServerCapabilities.From(Statement(true, ("Claim", CapabilityStatement.TypeRestfulInteraction.Create)));

        Assert.True(caps.ClaimCreate);
        Assert.False(caps.ClaimUpdate);
        Assert.False(ServerCapabilities.From(Statement(true, ("Condition", CapabilityStatement.TypeRestfulInteraction.Create))).ClaimCreate);
        Assert.True(ServerCapabilities.From(Statement(true, ("Claim", CapabilityStatement.TypeRestfulInteraction.Update))).ClaimUpdate);
    }
}
