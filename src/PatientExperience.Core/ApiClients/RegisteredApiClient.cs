namespace PatientExperience.Core.ApiClients;

/// <summary>A new client: its secret is shown once and never stored.</summary>
public sealed record RegisteredApiClient(int Id, string ClientId, string Name, string Secret);
