using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.WriteBack;

/// <summary>What the EHR's CapabilityStatement says the write-back may use.</summary>
public sealed record ServerCapabilities(bool Transaction, bool ConditionCreate, bool ConditionalCreate, bool CdexMirror)
{
    /// <summary>Whether the server declares Claim create (the coder workbench's finalise).</summary>
    public bool ClaimCreate { get; init; }

    /// <summary>Whether the server declares Claim update (a re-finalise with If-Match).</summary>
    public bool ClaimUpdate { get; init; }

    /// <summary>Whether the answer can be written as one transaction with a Condition create.</summary>
    public bool CanWriteCondition => Transaction && ConditionCreate;

    /// <summary>Reads the server's rest[mode=server] section.</summary>
    public static ServerCapabilities From(CapabilityStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var rest = statement.Rest.FirstOrDefault(r => r.Mode == CapabilityStatement.RestfulCapabilityMode.Server);
        if (rest is null)
        {
            return new ServerCapabilities(false, false, false, false);
        }

        var transaction = rest.Interaction.Any(i => i.Code == CapabilityStatement.SystemRestfulInteraction.Transaction);
        var condition = Resource(rest, "Condition");
        bool Has(string type, CapabilityStatement.TypeRestfulInteraction interaction) =>
            Resource(rest, type)?.Interaction.Any(i => i.Code == interaction) == true;
        bool Creates(string type) => Has(type, CapabilityStatement.TypeRestfulInteraction.Create);
        return new ServerCapabilities(
            transaction,
            Creates("Condition"),
            condition?.ConditionalCreate == true,
            Creates("Task") && Creates("Questionnaire") && Resource(rest, "QuestionnaireResponse") is not null)
        {
            ClaimCreate = Creates("Claim"),
            ClaimUpdate = Has("Claim", CapabilityStatement.TypeRestfulInteraction.Update),
        };
    }

    private static CapabilityStatement.ResourceComponent? Resource(CapabilityStatement.RestComponent rest, string type) =>
        rest.Resource.FirstOrDefault(r => r.Type == type);
}
