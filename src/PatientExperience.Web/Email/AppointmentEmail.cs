namespace PatientExperience.Web.Email;

/// <summary>Views/Emails/Appointment: booked, moved, cancelled and reminder.</summary>
public sealed record AppointmentEmail(
    string Greeting, string Lead, string Visit, string When, IReadOnlyList<string> Place, string Contact, string Url);
