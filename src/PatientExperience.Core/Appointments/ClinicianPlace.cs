namespace PatientExperience.Core.Appointments;

/// <summary>A clinician in a department where they work: the key of their hours in <see cref="SlotSetup"/>.</summary>
public readonly record struct ClinicianPlace(int ClinicianId, int DepartmentId);
