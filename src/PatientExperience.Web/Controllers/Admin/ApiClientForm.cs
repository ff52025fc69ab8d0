using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PatientExperience.Core.ApiClients;
using PatientExperience.Core.Common;
using PatientExperience.Core.Staff;
using PatientExperience.Web.Forms;

namespace PatientExperience.Web.Controllers.Admin;

public sealed class ApiClientForm
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Scopes")]
    public List<string> Scopes { get; set; } = [];

    [Display(Name = "Expires on")]
    public DateOnly? ExpiresOn { get; set; }
}
