using PatientExperience.Core.ApiClients;

namespace PatientExperience.Web.Fhir;

/// <summary>What a valid bearer token says: which client, which scopes.</summary>
public sealed record FhirCaller(ApiClient Client, IReadOnlyList<string> Scopes);
