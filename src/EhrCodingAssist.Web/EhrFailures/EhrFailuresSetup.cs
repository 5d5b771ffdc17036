namespace EhrCodingAssist.Web.EhrFailures;

/// <summary>Registers the one handler that answers EHR failures with a page or problem details.</summary>
public static class EhrFailuresSetup
{
    /// <summary>Adds <see cref="EhrFailureHandler"/> (after the launch feature's relaunch/missing-scope handler).</summary>
    public static WebApplicationBuilder AddEhrFailureHandling(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddExceptionHandler<EhrFailureHandler>();
        return builder;
    }
}
