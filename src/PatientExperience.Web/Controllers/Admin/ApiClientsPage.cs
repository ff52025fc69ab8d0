using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PatientExperience.Core.ApiClients;
using PatientExperience.Core.Common;
using PatientExperience.Core.Staff;
using PatientExperience.Web.Forms;

namespace PatientExperience.Web.Controllers.Admin;

public sealed record ApiClientsPage(IReadOnlyList<ApiClientRow> Clients, ClinicClock Clock)
{
    public string Status(ApiClientRow client) =>
        client.RevokedAtUtc is { } revoked ? $"Revoked {Clock.ToLocal(revoked):d MMM yyyy HH:mm}"
        : client.ExpiresAtUtc <= Clock.UtcNow ? "Expired"
        : "Active";
}
