using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Findings;

/// <summary>Fails start-up with the setting's name when a configured rule pack folder does not exist.</summary>
internal sealed class RulesOptionsValidation : IValidateOptions<RulesOptions>
{
    public ValidateOptionsResult Validate(string? name, RulesOptions options)
    {
        if (options.Path is { } path && !Directory.Exists(path))
        {
            return ValidateOptionsResult.Fail($"Rules:Path '{path}' is not a folder.");
        }

        return options.Criteria.Any(string.IsNullOrWhiteSpace)
            ? ValidateOptionsResult.Fail("Rules:Criteria has an empty entry.")
            : ValidateOptionsResult.Success;
    }
}

/// <summary>Fails start-up with the setting's name when a configured code set path does not exist.</summary>
internal sealed class TerminologyOptionsValidation : IValidateOptions<TerminologyOptions>
{
    public ValidateOptionsResult Validate(string? name, TerminologyOptions options) =>
        options.Icd10CmPath is { } path && !File.Exists(path) && !Directory.Exists(path)
            ? ValidateOptionsResult.Fail($"Terminology:Icd10CmPath '{path}' is neither a file nor a folder.")
            : ValidateOptionsResult.Success;
}
