namespace PatientExperience.Core.Appointments;

/// <summary>
/// One working interval with the department where it is worked (the row's own, else the clinician's) and that
/// department's site: what slot set-up reads (<see cref="SlotSetupCache.HoursWhereWorked"/>).
/// </summary>
public sealed record WorkedHours(int StaffMemberId, int DepartmentId, int SiteId, WorkingInterval Interval);
