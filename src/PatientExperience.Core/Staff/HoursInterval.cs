namespace PatientExperience.Core.Staff;

public sealed record HoursInterval(DayOfWeek Day, TimeOnly? Start, TimeOnly? End);
