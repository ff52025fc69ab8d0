using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

/// <param name="Next">The first booked visit still to come, or null.</param>
public sealed record PatientHomeViewModel(Patient Patient, IReadOnlyList<TimelineItem> Recent, AppointmentDetailsViewModel? Next);

