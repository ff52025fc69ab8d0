namespace PatientExperience.Web.Fhir;

/// <summary>One bulk export: which client asked, for which types, changed in [Since, Until].</summary>
public sealed record FhirExportJob(int ClientId, IReadOnlyList<string> Types, DateTime? Since, DateTime Until, DateTime ExpiresUtc);
