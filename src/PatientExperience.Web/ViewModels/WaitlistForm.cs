namespace PatientExperience.Web.ViewModels;

public sealed class WaitlistForm
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Service")]
    public int? ServiceId { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Clinician (optional)")]
    public int? ClinicianId { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "From")]
    public DateOnly? From { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Until")]
    public DateOnly? To { get; set; }
}
