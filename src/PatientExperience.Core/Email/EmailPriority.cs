namespace PatientExperience.Core.Email;

/// <summary>
/// Which emails the dispatcher sends first when there is a queue (after a restart, say): the oldest of the highest
/// priority first. Lower numbers go first.
/// </summary>
public enum EmailPriority
{
    /// <summary>What a patient (or a staff member at the sign-in page) is waiting for now: confirmations, acknowledgements, password and two-factor mail, booking changes, a held waitlist time.</summary>
    Transactional = 0,
    /// <summary>Reminders and survey invitations: useful, but not awaited.</summary>
    Reminder = 1,
    /// <summary>Staff alerts and digests (overdue and due-soon complaints, urgent intakes).</summary>
    Staff = 2,
}
