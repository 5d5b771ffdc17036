using System.Text.Json;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Reference;

/// <summary>A payer of the encounter as the claim names it: the Coverage's payor name and/or identifier.</summary>
/// <param name="Name">The payor's name (Organization.name or the reference's display), e.g. "Medicare Part B".</param>
/// <param name="Identifier">The payor's identifier value (e.g. a payer id), when known.</param>
public sealed record PayerRef(string? Name, string? Identifier);

/// <summary>When a telehealth modifier (95 audio-video, 93 audio-only) is required, from a date on.</summary>
public sealed record TelehealthModifierRule
{
    /// <summary>First date of service the rule applies to; null for "always" (the earliest rule).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Places of service on which a virtual service line needs modifier 95 or 93; empty when none does.</summary>
    public IReadOnlyList<string> RequiredWithPlacesOfService { get; init; } = [];

    /// <summary>The payer policy the rule follows.</summary>
    public string? Source { get; init; }
}

/// <summary>One payer's rules and how a claim's payer is recognised as it.</summary>
public sealed record PayerProfile
{
    /// <summary>Profile id, e.g. "medicare".</summary>
    public required string Id { get; init; }

    /// <summary>Readable name shown in edit texts.</summary>
    public required string Name { get; init; }

    /// <summary>Payor names (case-insensitive, whole name) that select this profile.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Payor identifier values that select this profile.</summary>
    public IReadOnlyList<string> Identifiers { get; init; } = [];

    /// <summary>Telehealth modifier rules by date; the latest whose <see cref="TelehealthModifierRule.From"/> is on or before the date of service applies.</summary>
    public IReadOnlyList<TelehealthModifierRule> TelehealthModifier { get; init; } = [];

    /// <summary>The telehealth modifier rule for a date of service (none required when the profile has no rule then).</summary>
    public TelehealthModifierRule TelehealthModifierOn(DateOnly date) =>
        TelehealthModifier.Where(r => r.From is null || r.From <= date).OrderBy(r => r.From ?? DateOnly.MinValue).LastOrDefault() ?? new TelehealthModifierRule();

    internal bool Matches(PayerRef payer) =>
        (payer.Name is { } name && Names.Any(n => string.Equals(n.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)))
        || (payer.Identifier is { } id && Identifiers.Any(i => string.Equals(i.Trim(), id.Trim(), StringComparison.Ordinal)));
}

/// <summary>
/// Payer-dependent coding rules as configuration data (docs/coding-data.md, "Payer rules"): a default profile and one
/// profile per payer, chosen by the encounter's primary payer. The shipped file (coding-data/payer-rules.json) has the
/// default (modifier 95/93 with POS 02 and 10) and Medicare, which no longer requires it with POS 02 or 10 for dates of
/// service from 1 January 2024 (CY2024 Physician Fee Schedule final rule).
/// </summary>
public sealed class PayerRuleSet
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private PayerRuleSet(string source, PayerProfile @default, IReadOnlyList<PayerProfile> payers)
    {
        Source = source;
        Default = @default;
        Payers = payers;
    }

    /// <summary>The file the rules were loaded from.</summary>
    public string Source { get; }

    /// <summary>The profile for payers without their own.</summary>
    public PayerProfile Default { get; }

    /// <summary>The payer profiles.</summary>
    public IReadOnlyList<PayerProfile> Payers { get; }

    /// <summary>Where the build copies the shipped rules.</summary>
    public static string StarterPath { get; } = Path.Combine(AppContext.BaseDirectory, "coding-data", "payer-rules.json");

    private static readonly Lazy<PayerRuleSet> SharedStarter = new(() => Load(StarterPath));

    /// <summary>The shipped rules, read once per process.</summary>
    public static PayerRuleSet Starter => SharedStarter.Value;

    /// <summary>The profile of the primary (first) payer, else <see cref="Default"/>.</summary>
    public PayerProfile For(IReadOnlyList<PayerRef> payers)
    {
        ArgumentNullException.ThrowIfNull(payers);
        return payers.Count > 0 && Payers.FirstOrDefault(p => p.Matches(payers[0])) is { } profile ? profile : Default;
    }

    /// <summary>Loads and validates a rules file; throws <see cref="CodeSetFormatException"/> naming file and line.</summary>
    public static PayerRuleSet Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new CodeSetFormatException(full, 0, "file not found");
        }

        PayerRulesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PayerRulesFile>(File.ReadAllText(full), Json);
        }
        catch (JsonException e)
        {
            throw new CodeSetFormatException(full, (int)(e.LineNumber ?? -1) + 1, "not valid payer rules JSON: " + e.Message);
        }

        if (file?.Default is not { } @default)
        {
            throw new CodeSetFormatException(full, 0, "'default' profile is missing");
        }

        var payers = file.Payers ?? [];
        foreach (var profile in payers.Prepend(@default))
        {
            Validate(full, profile);
        }

        if (payers.GroupBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new CodeSetFormatException(full, 0, $"payer profile '{twice.Key}' appears twice");
        }

        return new PayerRuleSet(full, @default, payers);
    }

    private static void Validate(string path, PayerProfile profile)
    {
        if (string.IsNullOrWhiteSpace(profile.Id) || string.IsNullOrWhiteSpace(profile.Name))
        {
            throw new CodeSetFormatException(path, 0, "every payer profile needs an 'id' and a 'name'");
        }

        foreach (var pos in profile.TelehealthModifier.SelectMany(r => r.RequiredWithPlacesOfService))
        {
            if (pos.Length != 2 || !pos.All(char.IsAsciiDigit))
            {
                throw new CodeSetFormatException(path, 0, $"payer '{profile.Id}': place of service '{pos}' is not a two-digit CMS POS code");
            }
        }

        if (profile.TelehealthModifier.Count(r => r.From is null) > 1)
        {
            throw new CodeSetFormatException(path, 0, $"payer '{profile.Id}': only one telehealth modifier rule may go without 'from'");
        }
    }

    private sealed record PayerRulesFile(PayerProfile? Default, IReadOnlyList<PayerProfile>? Payers);
}
