namespace PatientExperience.Core.Dashboards;

/// <summary>The scope of an appointment or survey rollup refresh: one clinician's visits of one service.</summary>
public sealed record ClinicianService(int ClinicianId, int ServiceId);
