using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Web.Persistence;
using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;

namespace EhrCodingAssist.Web.WriteBack;

/// <summary>
/// Mirrors a query on the EHR in the Da Vinci CDex data-request shape where the server supports it: a Questionnaire
/// with the query's options, and a Task (owner = the physician) whose input is that Questionnaire; on answer, a
/// QuestionnaireResponse as the Task's output. The app's store stays the record; a failed mirror is only logged.
/// </summary>
internal sealed class CdexMirror(IEhrFhirClientFactory clients, CapabilityReader capabilities, ILogger<CdexMirror> logger)
{
    private const string HrexTemp = "http://hl7.org/fhir/us/davinci-hrex/CodeSystem/hrex-temp";

    public async System.Threading.Tasks.Task MirrorSentAsync(SmartSession session, QueryRecord query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!await SupportedAsync(session, ct).ConfigureAwait(false))
        {
            return;
        }

        var client = clients.Create(session);
        try
        {
            var questionnaire = await client.CreateAsync(BuildQuestionnaire(query)).ConfigureAwait(false);
            query.QuestionnaireId = questionnaire?.Id;
            var task = await client.CreateAsync(BuildTask(query)).ConfigureAwait(false);
            query.TaskId = task?.Id;
        }
        catch (FhirOperationException ex)
        {
            WriteBackLog.MirrorFailed(logger, query.Id, (int)ex.Status);
        }
        catch (MissingScopeException)
        {
            WriteBackLog.MirrorFailed(logger, query.Id, 403);
        }
    }

    public async System.Threading.Tasks.Task MirrorAnsweredAsync(SmartSession session, QueryRecord query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.TaskId is null || !await SupportedAsync(session, ct).ConfigureAwait(false))
        {
            return;
        }

        var client = clients.Create(session);
        try
        {
            var response = await client.CreateAsync(BuildResponse(query)).ConfigureAwait(false);
            var task = await client.ReadAsync<Hl7.Fhir.Model.Task>("Task/" + query.TaskId).ConfigureAwait(false);
            if (task is not null && response?.Id is not null)
            {
                task.Status = Hl7.Fhir.Model.Task.TaskStatus.Completed;
                task.Output.Add(new Hl7.Fhir.Model.Task.OutputComponent
                {
                    Type = new CodeableConcept(HrexTemp, "data-value"),
                    Value = new ResourceReference("QuestionnaireResponse/" + response.Id),
                });
                await client.UpdateAsync(task).ConfigureAwait(false);
            }
        }
        catch (FhirOperationException ex)
        {
            WriteBackLog.MirrorFailed(logger, query.Id, (int)ex.Status);
        }
        catch (MissingScopeException)
        {
            WriteBackLog.MirrorFailed(logger, query.Id, 403);
        }
    }

    private async Task<bool> SupportedAsync(SmartSession session, CancellationToken ct)
    {
        if (!session.Allows("Questionnaire", 'c') || !session.Allows("Task", 'c') || !session.Allows("Task", 'u') || !session.Allows("QuestionnaireResponse", 'c'))
        {
            return false;
        }

        try
        {
            return (await capabilities.GetAsync(session, ct).ConfigureAwait(false)).CdexMirror;
        }
        catch (Exception ex) when (ex is FhirOperationException or HttpRequestException or InvalidOperationException)
        {
            return false;
        }
    }

    internal static Questionnaire BuildQuestionnaire(QueryRecord query) => new()
    {
        Url = $"urn:uuid:{query.Id}",
        Status = PublicationStatus.Active,
        Title = query.Title,
        Item =
        [
            new Questionnaire.ItemComponent
            {
                LinkId = "answer",
                Text = query.Text,
                Type = Questionnaire.QuestionnaireItemType.OpenChoice,
                Required = true,
                AnswerOption = query.Options.OrderBy(o => o.Ordinal).Select(o => new Questionnaire.AnswerOptionComponent
                {
                    Value = new Coding(o.CodeSystem ?? WriteBackIdentifiers.QuerySystem, o.Code ?? o.OptionId, o.Label),
                }).ToList(),
            },
            new Questionnaire.ItemComponent { LinkId = "comment", Text = "Comment", Type = Questionnaire.QuestionnaireItemType.Text },
        ],
    };

    internal static Hl7.Fhir.Model.Task BuildTask(QueryRecord query) => new()
    {
        Identifier = [new Identifier(WriteBackIdentifiers.QuerySystem, query.Id)],
        Status = Hl7.Fhir.Model.Task.TaskStatus.Requested,
        Intent = Hl7.Fhir.Model.Task.TaskIntent.Order,
        Code = new CodeableConcept(HrexTemp, "data-request-questionnaire"),
        For = query.PatientId is null ? null : new ResourceReference("Patient/" + query.PatientId),
        Encounter = new ResourceReference("Encounter/" + query.EncounterId),
        Requester = new ResourceReference(query.Author),
        Owner = new ResourceReference(query.Recipient),
        AuthoredOnElement = new FhirDateTime(query.SentAt ?? query.CreatedAt),
        Input =
        [
            new Hl7.Fhir.Model.Task.ParameterComponent
            {
                Type = new CodeableConcept(HrexTemp, "questionnaire"),
                Value = new Canonical($"urn:uuid:{query.Id}"),
            },
        ],
    };

    internal static QuestionnaireResponse BuildResponse(QueryRecord query)
    {
        var chosen = query.Options.FirstOrDefault(o => o.OptionId == query.AnswerOption);
        DataType answer = query.AnswerOption == QueryOption.Other
            ? new FhirString(query.AnswerText ?? string.Empty)
            : new Coding(chosen?.CodeSystem ?? WriteBackIdentifiers.QuerySystem, chosen?.Code ?? query.AnswerOption, chosen?.Label);
        var response = new QuestionnaireResponse
        {
            Questionnaire = $"urn:uuid:{query.Id}",
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = query.PatientId is null ? null : new ResourceReference("Patient/" + query.PatientId),
            Encounter = new ResourceReference("Encounter/" + query.EncounterId),
            Author = new ResourceReference(query.Recipient),
            AuthoredElement = new FhirDateTime(query.ClosedAt ?? DateTimeOffset.UtcNow),
            Item = [new QuestionnaireResponse.ItemComponent { LinkId = "answer", Answer = [new QuestionnaireResponse.AnswerComponent { Value = answer }] }],
        };
        if (query.AnswerOption != QueryOption.Other && !string.IsNullOrWhiteSpace(query.AnswerText))
        {
            response.Item.Add(new QuestionnaireResponse.ItemComponent
            {
                LinkId = "comment",
                Answer = [new QuestionnaireResponse.AnswerComponent { Value = new FhirString(query.AnswerText) }],
            });
        }

        return response;
    }
}
