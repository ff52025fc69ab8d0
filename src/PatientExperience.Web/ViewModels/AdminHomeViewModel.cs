using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;

namespace PatientExperience.Web.ViewModels;

public sealed record AdminHomeViewModel(int Departments, int Services, int Staff, int InactiveStaff);
