using EhrCodingAssist.Web.Persistence;

namespace EhrCodingAssist.Web.Queries;

/// <summary>Body of <c>POST /api/queries</c>.</summary>
public sealed record CreateQueryRequest
{
    /// <summary>The rule id of the query finding.</summary>
    public required string Finding { get; init; }

    /// <summary>The encounter id.</summary>
    public required string Encounter { get; init; }

    /// <summary>"Practitioner/{id}"; defaults to the encounter's attending.</summary>
    public string? Recipient { get; init; }

    /// <summary>The edited query text; defaults to the rule's text.</summary>
    public string? Text { get; init; }

    /// <summary>Option ids kept (codes, "other", "clinically-undetermined"); defaults to all.</summary>
    public IReadOnlyList<string>? Options { get; init; }
}

/// <summary>Body of <c>POST /api/queries/{id}/answer</c>.</summary>
public sealed record AnswerQueryRequest
{
    /// <summary>An ICD-10-CM code among the options, "other" or "clinically-undetermined".</summary>
    public required string Option { get; init; }

    /// <summary>The text of an "other" answer, or a comment.</summary>
    public string? Text { get; init; }
}

/// <summary>A query indicator as the APIs show it.</summary>
public sealed record IndicatorView(string Reference, string Summary, decimal? Value, string? Unit, DateTimeOffset? Date);

/// <summary>A query option as the APIs show it.</summary>
public sealed record OptionView(string Id, string Label, string? Code);

/// <summary>A query as the APIs show it. <see cref="Severity"/> and <see cref="Hcc"/> are null for physicians.</summary>
public sealed record QueryView
{
    public required string Id { get; init; }

    public required string Encounter { get; init; }

    public required string Rule { get; init; }

    public required string RuleVersion { get; init; }

    public required string Title { get; init; }

    public required string Text { get; init; }

    public required string State { get; init; }

    public required string Author { get; init; }

    public required string Recipient { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? EscalatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public required IReadOnlyList<IndicatorView> Indicators { get; init; }

    public required IReadOnlyList<OptionView> Options { get; init; }

    public string? Answer { get; init; }

    public string? AnswerText { get; init; }

    public string? ResultingCode { get; init; }

    public required string WriteStatus { get; init; }

    public string? WriteMessage { get; init; }

    public required IReadOnlyList<string> Written { get; init; }

    public string? Task { get; init; }

    /// <summary>CC/MCC; CDI and coders only.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Severity { get; init; }

    /// <summary>HCC; CDI and coders only.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Hcc { get; init; }

    /// <summary>Builds the view; financial fields only when <paramref name="financial"/>.</summary>
    public static QueryView From(QueryRecord q, bool financial)
    {
        ArgumentNullException.ThrowIfNull(q);
        return new QueryView
        {
            Id = q.Id,
            Encounter = q.EncounterId,
            Rule = q.RuleId,
            RuleVersion = q.RuleVersion,
            Title = q.Title,
            Text = q.Text,
            State = Name(q.State),
            Author = q.Author,
            Recipient = q.Recipient,
            CreatedAt = q.CreatedAt,
            SentAt = q.SentAt,
            EscalatedAt = q.EscalatedAt,
            ClosedAt = q.ClosedAt,
            Indicators = q.Indicators.OrderBy(i => i.Ordinal).Select(i => new IndicatorView(i.Reference, i.Summary, i.Value, i.Unit, i.Date)).ToList(),
            Options = q.Options.OrderBy(o => o.Ordinal).Select(o => new OptionView(o.OptionId, o.Label, o.Code)).ToList(),
            Answer = q.AnswerOption,
            AnswerText = q.AnswerText,
            ResultingCode = q.ResultingCode,
            WriteStatus = Name(q.WriteStatus),
            WriteMessage = q.WriteMessage,
            Written = (q.WrittenResources ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Task = q.TaskId is null ? null : "Task/" + q.TaskId,
            Severity = financial ? q.Severity : null,
            Hcc = financial ? q.Hcc : null,
        };
    }

    /// <summary>"not-written", "answered" …</summary>
    public static string Name<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}

/// <summary>Reply of <c>POST /api/queries/{id}/answer</c>: what was written, or why nothing was.</summary>
public sealed record AnswerResult(string Query, string State, string Answer, string WriteStatus, IReadOnlyList<string> Written, string? Reason);
