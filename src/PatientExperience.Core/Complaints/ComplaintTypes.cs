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

public enum ComplaintSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

public enum ComplaintKind
{
    Complaint = 1,
    /// <summary>A follow-up opened by a low survey score.</summary>
    ServiceRecovery = 2,
}

public enum ComplaintEventKind
{
    Received = 1,
    StatusChanged = 2,
    Assigned = 3,
    InternalNote = 4,
    MessageToComplainant = 5,
    MessageFromComplainant = 6,
    Escalated = 7,
    AcknowledgementSent = 8,
    ResponseSent = 9,
    Reopened = 10,
    ResolvedAtFirstContact = 11,
    DeadlineAgreed = 12,
    OutcomeRecorded = 13,
}

/// <summary>Who may read a timeline entry: staff only, or the complainant too.</summary>
public enum ComplaintVisibility
{
    Staff = 1,
    Complainant = 2,
}

/// <summary>The status rules as a table: which moves a person may make by hand.</summary>
public static class ComplaintWorkflow
{
    private static readonly Dictionary<ComplaintStatus, ComplaintStatus[]> Moves = new()
    {
        [ComplaintStatus.New] = [ComplaintStatus.Acknowledged],
        [ComplaintStatus.Acknowledged] = [ComplaintStatus.Investigating, ComplaintStatus.AwaitingPatient, ComplaintStatus.Resolved],
        [ComplaintStatus.Investigating] = [ComplaintStatus.AwaitingPatient, ComplaintStatus.Resolved],
        [ComplaintStatus.AwaitingPatient] = [ComplaintStatus.Investigating],
        [ComplaintStatus.Resolved] = [ComplaintStatus.Closed, ComplaintStatus.Investigating],
        [ComplaintStatus.Closed] = [ComplaintStatus.Investigating],
    };

    public static bool CanMove(ComplaintStatus from, ComplaintStatus to) => Moves[from].Contains(to);

    public static IReadOnlyList<ComplaintStatus> NextSteps(ComplaintStatus from) => Moves[from];

    public static bool IsOpen(ComplaintStatus status) => status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed);
}
