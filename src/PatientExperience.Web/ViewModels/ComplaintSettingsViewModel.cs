using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

public sealed record ComplaintSettingsViewModel(string PolicyPack, int ReopenDays, bool Stored, string ConfiguredPack, IReadOnlyList<ComplaintCategory> Categories, string? NewCategory);
