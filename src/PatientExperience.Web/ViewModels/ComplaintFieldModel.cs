using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

/// <summary>One labelled drop-down on the complaint forms.</summary>
public sealed record ComplaintFieldModel(string Name, string Label, IReadOnlyList<SelectListItem> Options, string? Empty, string? Hint = null);
