namespace PatientExperience.Core.ApiClients;

/// <summary>What an admin fills in to register a client.</summary>
public sealed record RegisterApiClient(string? Name, IReadOnlyList<string>? Scopes, DateOnly? ExpiresOn);
