using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;

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
