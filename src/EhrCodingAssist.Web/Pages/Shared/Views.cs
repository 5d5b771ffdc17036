using EhrCodingAssist.Clinical.Findings;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.Pages.Shared;

/// <summary>What the patient banner partial shows.</summary>
public sealed record PatientBannerView(Patient Patient, DateOnly Today);

/// <summary>What the finding partial shows: the finding, a page-unique id for its headings, and whether impact is shown.</summary>
public sealed record FindingView(Finding Finding, string Id, bool ShowImpact);
