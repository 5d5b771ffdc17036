using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.WriteBack;

/// <summary>
/// Validates resources with Firely.Fhir.Validation against FHIR R4 and, when configured, the US Core profiles the
/// resource declares. One compiled validator for the app's life (it caches compiled profiles).
/// </summary>
internal sealed class FhirResourceValidator
{
    private readonly Lazy<(Validator Validator, bool UsCore)> _validator;

    public FhirResourceValidator(IOptions<ValidationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var usCorePath = options.Value.UsCorePath;
        _validator = new Lazy<(Validator, bool)>(() => Create(usCorePath), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Error-level problems (empty when valid), as "path: message" lines.</summary>
    public IReadOnlyList<string> Validate(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var (validator, usCore) = _validator.Value;
        if (!usCore && resource.Meta?.Profile?.Any() == true)
        {
            // Without the US Core package the declared profiles cannot be resolved: validate against base R4 only.
            resource = (Resource)resource.DeepCopy();
            resource.Meta!.Profile = [];
        }

        return validator.Validate(resource).Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{resource.TypeName} {string.Join(",", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static (Validator, bool) Create(string? usCorePath)
    {
        IAsyncResourceResolver core = ZipSource.CreateValidationSource();
        var usCore = !string.IsNullOrWhiteSpace(usCorePath);
        IAsyncResourceResolver source = usCore
            ? new MultiResolver(new DirectorySource(usCorePath!, new DirectorySourceSettings { IncludeSubDirectories = false }), core)
            : core;
        var resolver = new CachedResolver(source);
        return (new Validator(resolver, new LocalTerminologyService(resolver)), usCore);
    }
}
