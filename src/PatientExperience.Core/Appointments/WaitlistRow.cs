namespace PatientExperience.Core.Appointments;

/// <summary>One of the patient's open waitlist entries, as their waitlist page lists it.</summary>
public sealed record WaitlistRow(int Id, string Service, DateOnly From, DateOnly To);
