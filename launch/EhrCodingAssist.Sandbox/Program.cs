using EhrCodingAssist.Sandbox.Hosting;

// The sandbox EHR and the app, together: `dotnet run --project launch/EhrCodingAssist.Sandbox [-- --seed-folder ../shared/data/synthea]`.
var configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables("EHRCODINGASSIST_")
    .AddCommandLine(args, SandboxCommandLine.SwitchMappings)
    .Build();
var options = SandboxCommandLine.Bind(configuration);

await using var sandbox = await SandboxHost.StartAsync(options);
Console.WriteLine();
Console.WriteLine("EhrCodingAssist sandbox EHR (DEVELOPMENT TOOL, synthetic data only)");
Console.WriteLine($"  FHIR base (iss): {sandbox.Urls.FhirBase}");
Console.WriteLine(sandbox.App is null ? "  App: not started (Sandbox:StartApp=false)" : $"  App: {sandbox.Urls.AppBase}");
Console.WriteLine($"  Open the launch page: {sandbox.LaunchPageUrl}");
Console.WriteLine("  Press Ctrl+C to stop.");
await sandbox.WaitForShutdownAsync();

/// <summary>Entry point; public so tests can host the sandbox.</summary>
public partial class Program;
