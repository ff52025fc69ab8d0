using System.ComponentModel.DataAnnotations;

namespace PatientExperience.Web.ViewModels;

public sealed class PatientComplaintForm
{
    [Display(Name = "What is it about?")]
    public int? CategoryId { get; set; }

    [Display(Name = "What happened")]
    public string? WhatHappened { get; set; }

    [Display(Name = "What would you like us to do? (optional)")]
    public string? OutcomeWanted { get; set; }

    [Display(Name = "Which visit? (optional)")]
    public int? AppointmentId { get; set; }
}
