using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Complaints;

namespace PatientExperience.Web.ViewModels;

public sealed class WrittenResponseForm
{
    [Display(Name = "What we looked into")]
    public string? LookedInto { get; set; }

    [Display(Name = "What we found")]
    public string? Found { get; set; }

    [Display(Name = "What will change")]
    public string? WillChange { get; set; }

    [Display(Name = "Named contact")]
    public string? ContactName { get; set; }

    [Display(Name = "How to take it further")]
    public string? TakeItFurther { get; set; }

    public WrittenResponse ToResponse() => new(LookedInto, Found, WillChange, ContactName, TakeItFurther);
}
