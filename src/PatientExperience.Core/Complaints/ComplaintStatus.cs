namespace PatientExperience.Core.Complaints;

public enum ComplaintStatus
{
    New = 1,
    Acknowledged = 2,
    Investigating = 3,
    /// <summary>Waiting for the complainant to answer: the response clock stands still.</summary>
    AwaitingPatient = 4,
    /// <summary>The written response (or the first-contact apology, or a recovery outcome) is sent.</summary>
    Resolved = 5,
    Closed = 6,
}

