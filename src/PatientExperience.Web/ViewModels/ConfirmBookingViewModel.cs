using PatientExperience.Core.Appointments;

namespace PatientExperience.Web.ViewModels;

public sealed record ConfirmBookingViewModel(
    ServiceChoice Service, int ClinicianId, string ClinicianName, DateTime StartUtc, string PostUrl, string BackUrl, int? AppointmentId = null,
    CurrentVisit? Current = null);
