namespace PatientExperience.Core.Patients;

/// <summary>How a patient wants one kind of message (<see cref="MessageKind"/>).</summary>
public enum VisitMessages
{
    Email = 0,
    Text = 1,
    Both = 2,
}

/// <summary>
/// The kinds of message a patient chooses a way for on /my/details. Only kinds that can go by text are here; waitlist
/// offers, survey links and complaint updates go by email until they can (issue 19 item 4).
/// </summary>
public enum MessageKind
{
    /// <summary>Booking confirmations, changes and cancellations (<see cref="Patient.ContactBySms"/>, <see cref="Patient.TextInsteadOfEmail"/>).</summary>
    Visit = 0,
    /// <summary>The reminder before a visit (<see cref="Patient.ReminderMessages"/>).</summary>
    Reminder = 1,
}
