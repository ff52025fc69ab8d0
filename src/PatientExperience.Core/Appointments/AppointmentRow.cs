using PatientExperience.Core.Departments;

namespace PatientExperience.Core.Appointments;

/// <summary>
/// A visit as the patient's pages and the front desk list it: when, what, with whom, where (<see cref="Place"/>, whose
/// zone the time is read in) and whether the patient may still change it themselves (<see cref="MayChange"/>).
/// </summary>
public sealed record AppointmentRow(int Id, DateTime StartUtc, string Service, string Clinician, string Department, AppointmentStatus Status, bool MayChange, int ServiceId = 0,
    VisitPlace? Place = null);
