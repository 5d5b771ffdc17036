using EhrCodingAssist.Sandbox.Auth;
using EhrCodingAssist.Sandbox.Fhir;

namespace EhrCodingAssist.Sandbox.Hosting;

/// <summary>A running sandbox: its URLs, the EHR host and the in-process app (if started). Dispose to stop both.</summary>
public sealed class SandboxInstance : IAsyncDisposable
{
    private readonly DirectoryInfo? _tempSmartConfig;

    internal SandboxInstance(SandboxUrls urls, WebApplication ehr, WebApplication? app, DirectoryInfo? tempSmartConfig = null)
    {
        _tempSmartConfig = tempSmartConfig;
        Urls = urls;
        Ehr = ehr;
        App = app;
    }

    /// <summary>Where everything is.</summary>
    public SandboxUrls Urls { get; }

    /// <summary>The EHR host (its Services hold the store).</summary>
    public WebApplication Ehr { get; }

    /// <summary>The app host, or null when started without the app.</summary>
    public WebApplication? App { get; }

    /// <summary>The launch page's URL.</summary>
    public string LaunchPageUrl => Urls.EhrBase + "/";

    internal ResourceStore Store => Ehr.Services.GetRequiredService<ResourceStore>();

    /// <summary>
    /// A bearer token for calling the FHIR endpoint directly (tests, tools), without a launch. Defaults to
    /// everything for every patient; pass patient scopes and a patient id to act as a launched app would.
    /// </summary>
    public string IssueAccessToken(string scope = "user/*.cruds", string? patientId = null)
    {
        var auth = Ehr.Services.GetRequiredService<AuthStore>();
        return auth.AddAccessToken(new TokenGrant(Urls.ClientId, new ScopeSet(scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)), patientId, null, null, auth.Now.AddHours(1)));
    }

    /// <summary>Waits until either host is asked to stop (Ctrl+C).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) =>
        App is null ? Ehr.WaitForShutdownAsync(cancellationToken) : Task.WhenAny(Ehr.WaitForShutdownAsync(cancellationToken), App.WaitForShutdownAsync(cancellationToken));

    /// <summary>Stops the app, then the EHR.</summary>
    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        await Ehr.StopAsync();
        await Ehr.DisposeAsync();
        if (_tempSmartConfig is { Exists: true })
        {
            _tempSmartConfig.Delete(recursive: true);
        }
    }
}
