namespace PatientExperience.Core.Complaints;

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
