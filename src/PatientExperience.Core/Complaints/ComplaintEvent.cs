using PatientExperience.Core.Staff;

namespace PatientExperience.Core.Complaints;

/// <summary>One line of a complaint's timeline. Internal notes are <see cref="ComplaintVisibility.Staff"/> and never shown to the complainant.</summary>
public class ComplaintEvent
{
    private ComplaintEvent() { }

    public ComplaintEvent(ComplaintEventKind kind, ComplaintVisibility visibility, DateTime atUtc, int? staffMemberId, string? text, ComplaintStatus? toStatus, int? toStaffMemberId)
    {
        Kind = kind;
        Visibility = visibility;
        AtUtc = atUtc;
        StaffMemberId = staffMemberId;
        Text = text;
        ToStatus = toStatus;
        ToStaffMemberId = toStaffMemberId;
    }

    public long Id { get; private set; }
    public int ComplaintId { get; private set; }
    public ComplaintEventKind Kind { get; private set; }
    public ComplaintVisibility Visibility { get; private set; }
    public DateTime AtUtc { get; private set; }
    public int? StaffMemberId { get; private set; }
    public StaffMember? StaffMember { get; private set; }
    public int? ToStaffMemberId { get; private set; }
    public string? Text { get; private set; }
    public ComplaintStatus? ToStatus { get; private set; }
}
