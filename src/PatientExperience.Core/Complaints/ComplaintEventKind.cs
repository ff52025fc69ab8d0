namespace PatientExperience.Core.Complaints;

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
