using System.Collections.Concurrent;
using EhrCodingAssist.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EhrCodingAssist.Web.Tests.Logging;

public sealed class PhiSafeLoggingTests(PhiSafeLoggingTests.CapturingAppFactory app) : IClassFixture<PhiSafeLoggingTests.CapturingAppFactory>
{
    private const string PatientId = "pat-phi-7731";
    private const string EncounterId = "enc-phi-4410";
    private const string AccessToken = "at-phi-secret-0042";

    [Fact]
    public async Task EncounterPage_LaunchAndChartRead_NoPatientIdEncounterIdOrTokenInAnyLogLine()
    {
        app.Ehr.Reset();
        app.Ehr.StubFhir("Encounter/" + EncounterId,
            $$$"""{"resourceType":"Encounter","id":"{{{EncounterId}}}","status":"in-progress","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},"subject":{"reference":"Patient/{{{PatientId}}}"},"period":{"start":"2026-03-10T08:00:00Z"}}""");
        app.Ehr.StubFhir("Patient/" + PatientId,
            $$"""{"resourceType":"Patient","id":"{{PatientId}}","name":[{"family":"Loggable","given":["Never"]}],"gender":"female","birthDate":"1950-01-01"}""");

        var launched = await app.LaunchAsync(new LaunchSpec { Patient = PatientId, Encounter = EncounterId, AccessToken = AccessToken });
        using var page = await launched.Client.GetAsync("/");

        Assert.Contains("Loggable", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var lines = app.Lines.ToArray();
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Contains(PatientId, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(EncounterId, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(AccessToken, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Loggable", StringComparison.Ordinal));
    }

    /// <summary>The app with a logger provider that keeps every formatted line (and exception text) it is given.</summary>
    public sealed class CapturingAppFactory : AppFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddLogging(l => l.AddProvider(new CapturingProvider(Lines)).SetMinimumLevel(LogLevel.Debug)));
        }
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
