using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Interactions;

namespace PatientExperience.Web.ViewModels;

public sealed class ComplaintForm
{
    public int? PatientId { get; set; }

    [Display(Name = "Complainant's name")]
    public string? ComplainantName { get; set; }

    [Display(Name = "Email (optional)")]
    public string? ComplainantEmail { get; set; }

    [Display(Name = "Phone")]
    public string? ComplainantPhone { get; set; }

    [Display(Name = "How did it reach us?")]
    public InteractionChannel Channel { get; set; } = InteractionChannel.Phone;

    [Display(Name = "What is it about?")]
    public int? CategoryId { get; set; }

    [Display(Name = "How serious is it?")]
    public ComplaintSeverity? Severity { get; set; }

    [Display(Name = "What happened")]
    public string? WhatHappened { get; set; }

    [Display(Name = "What outcome do they want? (optional)")]
    public string? OutcomeWanted { get; set; }

    [Display(Name = "Visit concerned (optional)")]
    public int? AppointmentId { get; set; }

    [Display(Name = "Department concerned (optional)")]
    public int? DepartmentId { get; set; }

    [Display(Name = "Staff member concerned (optional)")]
    public int? ConcernedStaffMemberId { get; set; }

    public ComplaintIntake ToIntake(int? staffId) => new(PatientId, ComplainantName, ComplainantEmail, ComplainantPhone, Channel, CategoryId, Severity,
        WhatHappened, OutcomeWanted, AppointmentId, DepartmentId, ConcernedStaffMemberId, staffId);
}

