using System.ComponentModel.DataAnnotations;

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
