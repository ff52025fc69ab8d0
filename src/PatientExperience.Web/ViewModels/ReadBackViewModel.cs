using PatientExperience.Core.Appointments;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

public sealed record ReadBackViewModel(Patient Patient, AppointmentRow Appointment);
