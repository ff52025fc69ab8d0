using PatientExperience.Core.Common;

namespace PatientExperience.Core.Appointments;

/// <summary>Whole days nobody can book: one clinician's leave, or (no clinician) a clinic holiday.</summary>
public class TimeOff : AuditableEntity
{
    private TimeOff() { }

    public TimeOff(int? staffMemberId, DateOnly from, DateOnly to, string reason)
    {
        if (to < from)
            throw new ArgumentException("The last day cannot be before the first.", nameof(to));
        StaffMemberId = staffMemberId;
        From = from;
        To = to;
        Reason = reason.Trim();
    }

    public int? StaffMemberId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string Reason { get; private set; } = string.Empty;
}
