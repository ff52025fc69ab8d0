namespace PatientExperience.Web.ViewModels;

/// <param name="TimeZone">The zone of the site where the clinician works today: their day and its times are that site's.</param>
/// <param name="Places">Names of the places their hours are worked, for the hours table's "Where" (shown when some are elsewhere).</param>
public sealed record ClinicianHomeViewModel(StaffMember Me, IReadOnlyList<WorkingHours> Hours, IReadOnlyList<PatientExperience.Core.Appointments.FlowRow> Today, DateTime NowUtc,
    TimeSpan NoShowGrace, TimeSpan NoShowUndo, string? TimeZone = null, HoursPlaces? Places = null)
{
    /// <summary>Where an interval is worked: the other department with its site, or the clinician's own site.</summary>
    public string Where(WorkingHours hours) =>
        hours.DepartmentId is { } place ? Places?.Others.FirstOrDefault(p => p.Id == place)?.Name ?? "" : Places?.OwnSite ?? "";

    /// <summary>From when "Did not come" is offered for this visit (the same rule VisitFlow enforces).</summary>
    public DateTime NoShowFromUtc(PatientExperience.Core.Appointments.FlowRow row) =>
        PatientExperience.Core.Appointments.Appointment.NoShowAllowedFromUtc(row.StartUtc, NoShowGrace);

    public bool MayUndoNoShow(PatientExperience.Core.Appointments.FlowRow row) =>
        row.Status == PatientExperience.Core.Appointments.AppointmentStatus.NoShow
        && PatientExperience.Core.Appointments.Appointment.NoShowMayBeUndone(row.NoShowAtUtc, NowUtc, NoShowUndo);
}
