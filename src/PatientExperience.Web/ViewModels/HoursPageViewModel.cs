using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Sites;
using PatientExperience.Core.Staff;

namespace PatientExperience.Web.ViewModels;

public sealed record HoursPageViewModel(int StaffId, string Name, HoursForm Form);
