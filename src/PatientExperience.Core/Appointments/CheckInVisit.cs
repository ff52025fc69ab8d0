namespace PatientExperience.Core.Appointments;

/// <summary>The visit behind a check-in link, for its page.</summary>
/// <param name="TimeZone">The visit's site's zone: its times are read there.</param>
/// <param name="SitePhone">The site's own number (E.164), when it has one.</param>
public sealed record CheckInVisit(
    int AppointmentId, CheckInLinkState State, DateTime StartUtc, DateTime OpensAtUtc, string ClinicianName, string DepartmentName,
    DateTime? ArrivedAtUtc, string Language, string? TimeZone = null, string? SitePhone = null);
