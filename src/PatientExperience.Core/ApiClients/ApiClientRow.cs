namespace PatientExperience.Core.ApiClients;

public sealed record ApiClientRow(int Id, string ClientId, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc);
