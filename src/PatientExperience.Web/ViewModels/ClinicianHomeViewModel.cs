namespace PatientExperience.Web.ViewModels;

/// <param name="TimeZone">The zone of the clinician's site: their day and its times are that site's.</param>
public sealed record ClinicianHomeViewModel(StaffMember Me, IReadOnlyList<WorkingHours> Hours, IReadOnlyList<PatientExperience.Core.Appointments.FlowRow> Today, DateTime NowUtc,
    TimeSpan NoShowGrace, TimeSpan NoShowUndo, string? TimeZone = null)
{
    /// <summary>From when "Did not come" is offered for this visit (the same rule VisitFlow enforces).</summary>
    public DateTime NoShowFromUtc(PatientExperience.Core.Appointments.FlowRow row) =>
        PatientExperience.Core.Appointments.Appointment.NoShowAllowedFromUtc(row.StartUtc, NoShowGrace);

    public bool MayUndoNoShow(PatientExperience.Core.Appointments.FlowRow row) =>
        row.Status == PatientExperience.Core.Appointments.AppointmentStatus.NoShow
        && PatientExperience.Core.Appointments.Appointment.NoShowMayBeUndone(row.NoShowAtUtc, NowUtc, NoShowUndo);
}
