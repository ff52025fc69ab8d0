namespace PatientExperience.Core.Appointments;

public sealed record FlowRow(
    int AppointmentId, int PatientId, string PatientName, string? Reference, DateTime StartUtc, string Service,
    int ClinicianId, string Clinician, string Department, AppointmentStatus Status, DateTime? ArrivedAtUtc, DateTime? SeenAtUtc,
    DateTime? NoShowAtUtc = null, string PatientFirstName = "", DateTime? ConfirmedByTextAtUtc = null, bool ArrivedFromPhone = false,
    int? ToldLateMinutes = null, DateTime? ToldLateAtUtc = null, DateTime EndUtc = default);
