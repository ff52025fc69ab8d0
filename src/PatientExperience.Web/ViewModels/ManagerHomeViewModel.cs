using PatientExperience.Core.Interactions;

namespace PatientExperience.Web.ViewModels;

public sealed record ManagerHomeViewModel(int Patients, int Departments, int Clinicians, IReadOnlyList<(InteractionChannel Channel, int Count)> Last30DaysByChannel);
