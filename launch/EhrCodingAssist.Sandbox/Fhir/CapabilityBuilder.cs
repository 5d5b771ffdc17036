using EhrCodingAssist.Sandbox.Hosting;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>The CapabilityStatement at /fhir/metadata: transaction, batch, the resource types and their interactions, SMART oauth-uris.</summary>
internal sealed class CapabilityBuilder(SandboxUrls urls, TimeProvider clock)
{
    /// <summary>The resource types the sandbox declares. The store accepts any R4 type; these are the ones the product uses.</summary>
    public static readonly string[] ResourceTypes =
    [
        "AllergyIntolerance", "CarePlan", "Claim", "Condition", "Coverage", "DiagnosticReport", "DocumentReference", "Encounter",
        "ExplanationOfBenefit", "ImagingStudy", "Immunization", "Location", "Medication", "MedicationAdministration", "MedicationRequest",
        "Observation", "Organization", "Patient", "Practitioner", "PractitionerRole", "Procedure", "Provenance", "Questionnaire",
        "QuestionnaireResponse", "Task",
    ];

    private static readonly SearchParamType[] Supported =
        [SearchParamType.Token, SearchParamType.Reference, SearchParamType.Date, SearchParamType.String, SearchParamType.Uri];

    public CapabilityStatement Build()
    {
        var rest = new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Security = Security(),
            Interaction =
            [
                new() { Code = CapabilityStatement.SystemRestfulInteraction.Transaction },
                new() { Code = CapabilityStatement.SystemRestfulInteraction.Batch },
            ],
        };
        foreach (var type in ResourceTypes)
        {
            rest.Resource.Add(Resource(type));
        }

        return new CapabilityStatement
        {
            Id = "sandbox",
            Status = PublicationStatus.Active,
            Date = clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Publisher = "EhrCodingAssist sandbox EHR (development tool)",
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "EhrCodingAssist Sandbox EHR (development tool, synthetic data)" },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "Sandbox EHR for development", Url = urls.FhirBase },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["json", "application/fhir+json"],
            Rest = [rest],
        };
    }

    private CapabilityStatement.SecurityComponent Security()
    {
        var oauth = new Extension { Url = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris" };
        oauth.Extension.Add(new Extension("authorize", new FhirUri(urls.AuthorizeUrl)));
        oauth.Extension.Add(new Extension("token", new FhirUri(urls.TokenUrl)));
        return new CapabilityStatement.SecurityComponent
        {
            Cors = true,
            Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR")],
            Extension = [oauth],
        };
    }

    private static CapabilityStatement.ResourceComponent Resource(string type)
    {
        var component = new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Versioning = CapabilityStatement.ResourceVersionPolicy.VersionedUpdate,
            ReadHistory = true,
            UpdateCreate = true,
            ConditionalCreate = true,
            ConditionalUpdate = false,
            ConditionalDelete = CapabilityStatement.ConditionalDeleteStatus.NotSupported,
            Interaction =
            [
                .. new[]
                {
                    CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.Vread,
                    CapabilityStatement.TypeRestfulInteraction.SearchType, CapabilityStatement.TypeRestfulInteraction.Create,
                    CapabilityStatement.TypeRestfulInteraction.Update, CapabilityStatement.TypeRestfulInteraction.Delete,
                }.Select(code => new CapabilityStatement.ResourceInteractionComponent { Code = code }),
            ],
        };
        foreach (var parameter in SearchParameterCatalog.ForType(type).Where(p => Supported.Contains(p.Type)))
        {
            component.SearchParam.Add(new CapabilityStatement.SearchParamComponent { Name = parameter.Name, Type = parameter.Type });
            if (parameter.Type == SearchParamType.Reference)
            {
                component.SearchIncludeElement.Add(new FhirString($"{type}:{parameter.Name}"));
            }
        }

        component.SearchParam.Add(new CapabilityStatement.SearchParamComponent { Name = "_id", Type = SearchParamType.Token });
        component.SearchParam.Add(new CapabilityStatement.SearchParamComponent { Name = "_lastUpdated", Type = SearchParamType.Date });
        return component;
    }
}
