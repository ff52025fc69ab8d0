using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

/// <summary>A letter's print page: the letter, the way back and (staff) its PDF.</summary>
public sealed record LetterPageViewModel(PatientExperience.Infrastructure.Letters.Letter Letter, string BackUrl, string? PdfUrl);
