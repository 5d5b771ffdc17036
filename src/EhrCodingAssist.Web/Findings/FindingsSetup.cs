using EhrCodingAssist.Clinical.Rules;
using EhrCodingAssist.Clinical.Terminology;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Findings;

/// <summary>Registers the rule pack (loaded once, at start-up) and the encounter analysis.</summary>
public static class FindingsSetup
{
    /// <summary>
    /// Adds validated <see cref="RulesOptions"/> and <see cref="TerminologyOptions"/>, the code set and rule pack as
    /// singletons (a broken pack fails start-up with <c>file:line: reason</c>), and <see cref="EncounterAnalyzer"/>.
    /// </summary>
    public static WebApplicationBuilder AddFindings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.Section).ValidateOnStart();
        services.AddOptions<TerminologyOptions>().BindConfiguration(TerminologyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RulesOptions>, RulesOptionsValidation>();
        services.AddSingleton<IValidateOptions<TerminologyOptions>, TerminologyOptionsValidation>();
        services.TryAddSingleton<ICodeSet>(sp =>
            sp.GetRequiredService<IOptions<TerminologyOptions>>().Value.Icd10CmPath is { } path
                ? CodeSetLoader.Load(path)
                : StarterCodeSet.Load());
        services.TryAddSingleton(sp => RulePackLoader.Load(
            sp.GetRequiredService<IOptions<RulesOptions>>().Value.Path ?? RulePackLoader.DefaultCorePackPath,
            sp.GetRequiredService<ICodeSet>()));
        services.TryAddSingleton<IFindingsEvaluator, RulePackEvaluator>();
        services.AddScoped<EncounterAnalyzer>();
        services.AddHostedService<RulePackWarmup>();
        return builder;
    }

    /// <summary>Loads the rule pack while the host starts, so a broken pack stops the app before it serves.</summary>
    private sealed class RulePackWarmup(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetRequiredService<IFindingsEvaluator>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
