using Hl7.Fhir.Model;

namespace PatientExperience.Web.Fhir;

/// <summary>One search's answer: this page's resources, how many match in all, and what <c>_include</c> brought along.</summary>
public sealed record FhirPage(IReadOnlyList<Resource> Resources, int Total, IReadOnlyList<Resource>? Included = null);
