using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Web.Queries;
using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Rest;
using Microsoft.AspNetCore.Http;

namespace EhrCodingAssist.Web.Tests.Queries;

/// <summary>A session taken from test headers (X-Test-Role, X-Test-User, X-Test-Fhir-Base), standing in for the SMART launch.</summary>
internal sealed class HeaderSessionAccessor(IHttpContextAccessor http) : ISmartSessionAccessor
{
    public SmartSession? Current
    {
        get
        {
            var headers = http.HttpContext?.Request.Headers;
            if (headers is null || !headers.TryGetValue("X-Test-Fhir-Base", out var fhirBase))
            {
                return null;
            }

            return new SmartSession
            {
                Id = "test",
                Registration = "test",
                FhirBase = new Uri(fhirBase.ToString()),
                PatientId = "p1",
                EncounterId = QueryScenario.EncounterId,
                FhirUser = headers["X-Test-User"].ToString(),
                GrantedScopes = new HashSet<string>((headers.TryGetValue("X-Test-Scopes", out var scopes) ? scopes.ToString() : "user/*.cruds").Split(' ')),
                Role = Enum.Parse<AppRole>(headers["X-Test-Role"].ToString(), ignoreCase: true),
            };
        }
    }

    public void SelectEncounter(string encounterId) => throw new NotSupportedException();
}

/// <summary>Plain Firely clients against the (WireMock) FHIR base, no tokens.</summary>
internal sealed class PlainFhirClientFactory : IEhrFhirClientFactory
{
    public FhirClient Create(SmartSession session) =>
        new(session.FhirBase, new FhirClientSettings { PreferredFormat = ResourceFormat.Json, Timeout = 10_000 });

    public HttpClient CreateHttpClient(SmartSession session) => new() { BaseAddress = session.FhirBase };
}

/// <summary>One AKI query finding on encounter e1 with two participants (the attending is dr-a).</summary>
internal sealed class FixedFindingSource : IQueryFindingSource
{
    public Task<EncounterQueryContext> LoadAsync(SmartSession session, string encounterId, CancellationToken ct) =>
        Task.FromResult(new EncounterQueryContext(
            encounterId == QueryScenario.NoPatientEncounterId ? null : "p1",
            [new EncounterParticipant(QueryScenario.Attending, "Dr A", true), new EncounterParticipant(QueryScenario.OtherPhysician, "Dr B", false)],
            encounterId is QueryScenario.EncounterId or QueryScenario.NoPatientEncounterId ? [QueryScenario.AkiFinding] : []));
}

/// <summary>The fixed ids and finding the query tests use.</summary>
internal static class QueryScenario
{
    public const string EncounterId = "e1";
    public const string NoPatientEncounterId = "e-no-patient";
    public const string Attending = "Practitioner/dr-a";
    public const string OtherPhysician = "Practitioner/dr-b";
    public const string Cdi = "Practitioner/cdi-1";

    public static Finding AkiFinding { get; } = new()
    {
        Rule = "aki-kdigo",
        RuleVersion = "1.0.0",
        Kind = FindingKind.Query,
        Topic = "acute-kidney-injury",
        Title = "Creatinine rose to 2.1 mg/dL",
        Text = "Clinical indicators:\n- Creatinine 1.0 mg/dL on 2026-03-10\n- Creatinine 2.1 mg/dL on 2026-03-11\nBased on these indicators, please document the condition being monitored and treated, if any.",
        Codes = [new CodeRef(CodeRef.Icd10Cm, "N17.9", "Acute kidney failure, unspecified")],
        Evidence =
        [
            new Evidence("Observation/cr1", "Creatinine 1.0 mg/dL on 2026-03-10") { Value = 1.0m, Unit = "mg/dL" },
            new Evidence("Observation/cr2", "Creatinine 2.1 mg/dL on 2026-03-11") { Value = 2.1m, Unit = "mg/dL" },
        ],
        Options =
        [
            new QueryOption("N17.9", "Acute kidney failure, unspecified", new CodeRef(CodeRef.Icd10Cm, "N17.9", "Acute kidney failure, unspecified")),
            new QueryOption("N17.0", "Acute kidney failure with tubular necrosis", new CodeRef(CodeRef.Icd10Cm, "N17.0", "Acute kidney failure with tubular necrosis")),
            new QueryOption(QueryOption.Other, "Other (please specify)", null),
            new QueryOption(QueryOption.ClinicallyUndetermined, "Clinically undetermined", null),
        ],
        Impact = new FinancialImpact("CC", null),
    };
}
