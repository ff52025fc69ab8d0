namespace PatientExperience.Core.Patients;

/// <summary>
/// The kinds of message a patient chooses a way for on /my/details.
/// </summary>
public enum MessageKind
{
    /// <summary>Booking confirmations, changes and cancellations (<see cref="Patient.ContactBySms"/>, <see cref="Patient.TextInsteadOfEmail"/>).</summary>
    Visit = 0,
    /// <summary>The reminder before a visit (<see cref="Patient.ReminderMessages"/>).</summary>
    Reminder = 1,
    /// <summary>The survey link after a visit (<see cref="Patient.SurveyMessages"/>; email also needs <see cref="Patient.ContactByEmail"/>).</summary>
    Survey = 2,
    /// <summary>The acknowledgement of their complaint (<see cref="Patient.ComplaintMessages"/>). Letters and replies stay email.</summary>
    Complaint = 3,
    /// <summary>An earlier time offered from the waitlist, with its one-click link (<see cref="Patient.WaitlistMessages"/>); the
    /// same as visit messages unless they chose otherwise.</summary>
    Waitlist = 4,
}
