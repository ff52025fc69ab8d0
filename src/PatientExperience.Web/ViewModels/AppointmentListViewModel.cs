using PatientExperience.Core.Appointments;

namespace PatientExperience.Web.ViewModels;

public sealed record AppointmentListViewModel(IReadOnlyList<AppointmentRow> Upcoming, IReadOnlyList<AppointmentRow> Past);

