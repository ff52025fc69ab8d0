using PatientExperience.Core.ApiClients;

namespace PatientExperience.Web.Controllers.Admin;

public sealed record ApiClientsPage(IReadOnlyList<ApiClientRow> Clients, ClinicClock Clock)
{
    public string Status(ApiClientRow client) =>
        client.RevokedAtUtc is { } revoked ? $"Revoked {Clock.ToLocal(revoked):d MMM yyyy HH:mm}"
        : client.ExpiresAtUtc <= Clock.UtcNow ? "Expired"
        : "Active";
}
