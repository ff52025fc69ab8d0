namespace PatientExperience.Infrastructure.Calendar;

/// <summary>Who sends an emailed invitation (the clinic) and whom it invites (the patient): RFC 5546 requires both.</summary>
public sealed record CalendarParties(string OrganizerEmail, string OrganizerName, string AttendeeEmail);
