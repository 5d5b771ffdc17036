using EhrCodingAssist.Web.Tests.CoderWorkbench;
using EhrCodingAssist.Web.Tests.Infrastructure;
using EhrCodingAssist.Web.Tests.Queries;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Settings;

namespace EhrCodingAssist.Web.Tests.Faults;

/// <summary>
/// The app with its real EHR pipeline (resilience handler, bounds) and short bounds, so a frozen EHR ends the request in
/// seconds: each attempt 1 s, each call 3 s, one retry, the chart's load 8 s. Own SQLite file, US Core validation.
/// </summary>
public sealed class FaultAppFactory : AppFactory
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ehrca-faults-").FullName;

    public FaultAppFactory()
    {
        Settings["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "app.db")};Pooling=False";
        Settings["Validation:UsCorePath"] = TestPaths.UsCore610;
        Settings["Ehr:Http:AttemptTimeout"] = "00:00:01";
        Settings["Ehr:Http:TotalTimeout"] = "00:00:03";
        Settings["Ehr:Http:MaxRetries"] = "1";
        Settings["Snapshot:LoadBudget"] = "00:00:08";
        Settings["Snapshot:MaxResourcesPerSearch"] = "100";
    }

    /// <summary>The requests the EHR received with this method and path.</summary>
    public int Count(string method, string path) =>
        Ehr.Server.LogEntries.Count(e => e.RequestMessage.Method == method && e.RequestMessage.Path == path);
}

/// <summary>The faults an EHR answers with, as WireMock responses; each one overrides the normal stub of its path.</summary>
internal static class Faults
{
    /// <summary>The fault names the matrix runs through.</summary>
    public static readonly string[] All =
        ["404", "409", "412", "429", "500", "503", "frozen", "malformed-json", "html", "top-level-array", "empty-response"];

    private const string Outcome = """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing","diagnostics":"Patient Jane Fault-Phi MRN 99-PHI-42"}]}""";

    /// <summary>Text no page, problem or log line may ever show: the EHR's diagnostics (a name and MRN).</summary>
    public const string DiagnosticsPhi = "Fault-Phi";

    public static IResponseBuilder Response(string fault) => fault switch
    {
        "frozen" => WireMock.ResponseBuilders.Response.Create().WithDelay(TimeSpan.FromSeconds(30)).WithBody("{}"),
        "malformed-json" => Json(200, """{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"""),
        "html" => WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody("<html><body>Maintenance</body></html>"),
        "top-level-array" => Json(200, "[]"),
        "empty-response" => WireMock.ResponseBuilders.Response.Create().WithFault(FaultType.EMPTY_RESPONSE),
        _ => Json(int.Parse(fault, System.Globalization.CultureInfo.InvariantCulture), Outcome),
    };

    /// <summary>Answers GET <paramref name="path"/> (e.g. "/fhir/Encounter/enc-1") with the fault, above the normal stubs.</summary>
    public static void Stub(WireMockEhr ehr, string method, string path, string fault) =>
        ehr.Server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(-1).RespondWith(Response(fault));

    private static IResponseBuilder Json(int status, string body) =>
        WireMock.ResponseBuilders.Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/fhir+json").WithBody(body);

    /// <summary>The inpatient chart of <see cref="CodingEhr"/>, launched as <paramref name="role"/>.</summary>
    public static async Task<HttpClient> LaunchAsync(FaultAppFactory app, string role = "coder", string user = "Practitioner/sandbox-coder")
    {
        app.Ehr.Reset();
        CodingEhr.StubInpatient(app.Ehr);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = role, FhirUser = user });
        launched.Client.DefaultRequestHeaders.Add("X-CSRF", "1");
        return launched.Client;
    }
}
