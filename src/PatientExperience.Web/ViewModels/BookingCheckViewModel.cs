using PatientExperience.Core.Appointments;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

/// <summary>The check step before a front-desk booking or move is final.</summary>
/// <param name="Moving">The visit being moved, or null for a new booking.</param>
/// <param name="Listed">The clinician the caller screen listed (0 for anyone), to go back to the same list.</param>
public sealed record BookingCheckViewModel(
    Patient Patient, PatientExperience.Core.Appointments.ServiceChoice Service, PatientExperience.Core.Appointments.ClinicianChoice Clinician,
    DateTime StartUtc, AppointmentRow? Moving, int Listed, string? OverrideReason)
{
    public string BackUrl => $"/frontdesk/patients/{Patient.Id}?serviceId={Service.Id}&clinician={Listed}"
        + (Moving is null ? "" : $"&moving={Moving.Id}") + (OverrideReason is null ? "" : "&overrideReason=" + Uri.EscapeDataString(OverrideReason));
}
