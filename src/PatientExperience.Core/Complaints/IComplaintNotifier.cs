namespace PatientExperience.Core.Complaints;

/// <summary>Writes complaint emails through the outbox (in the caller's unit of work).</summary>
public interface IComplaintNotifier
{
    void Acknowledgement(ComplaintNotice notice);
    void WrittenResponse(ComplaintNotice notice, WrittenResponse response);
    void Message(ComplaintNotice notice, string text);
    void ManagerAlert(ComplaintNotice notice, StaffContact manager);
    /// <summary>One complaint, escalated by hand.</summary>
    void Escalation(ComplaintNotice notice, StaffContact manager, bool overdue);
    /// <summary>What the clock escalated in one round, one email per manager (staff priority: it goes after patient mail).</summary>
    void EscalationDigest(StaffContact manager, IReadOnlyList<EscalatedComplaint> complaints);
}
