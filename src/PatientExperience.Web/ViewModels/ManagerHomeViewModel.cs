using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;

namespace PatientExperience.Web.ViewModels;

public sealed record ManagerHomeViewModel(int Patients, int Departments, int Clinicians, IReadOnlyList<(InteractionChannel Channel, int Count)> Last30DaysByChannel);
