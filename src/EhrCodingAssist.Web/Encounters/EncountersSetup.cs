using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EhrCodingAssist.Web.Encounters;

/// <summary>Registers the encounter snapshot loader and the in-progress encounter list.</summary>
public static class EncountersSetup
{
    /// <summary>Adds <see cref="IEncounterSnapshotLoader"/> and <see cref="IInProgressEncounters"/> with validated <see cref="SnapshotOptions"/>.</summary>
    public static WebApplicationBuilder AddEncounterSnapshots(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SnapshotOptions>()
            .BindConfiguration(SnapshotOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<IEncounterSnapshotLoader, EncounterSnapshotLoader>();
        builder.Services.AddScoped<IInProgressEncounters, InProgressEncounters>();
        return builder;
    }
}
