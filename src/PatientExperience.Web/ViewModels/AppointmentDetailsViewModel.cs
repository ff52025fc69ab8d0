using PatientExperience.Core.Appointments;

namespace PatientExperience.Web.ViewModels;

/// <param name="AddToCalendar">The Google and Outlook links shown beside the .ics download.</param>
/// <param name="MovedFromUtc">Set on the page after a move: the time the visit moved away from.</param>
public sealed record AppointmentDetailsViewModel(AppointmentRow Row, bool MayChange, string ClinicPhone, double CutoffHours,
    PatientExperience.Infrastructure.Calendar.CalendarLinks AddToCalendar, string? Reason = null, string? Message = null, DateTime? MovedFromUtc = null);
