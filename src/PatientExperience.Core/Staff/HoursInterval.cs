namespace PatientExperience.Core.Staff;

/// <param name="DepartmentId">Where the hours are worked: null for the clinician's own department (<see cref="WorkingHours.DepartmentId"/>).</param>
public sealed record HoursInterval(DayOfWeek Day, TimeOnly? Start, TimeOnly? End, int? DepartmentId = null);
