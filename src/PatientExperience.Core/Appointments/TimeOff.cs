namespace PatientExperience.Core.Appointments;

/// <summary>
/// Whole days nobody can book: one clinician's leave; or, with no clinician, a holiday of the whole group (no site) or of
/// one site only (<see cref="SiteId"/>: Illinois' Pulaski Day closes Chicago, not New York). Site holidays come on top of
/// the group's.
/// </summary>
public class TimeOff : AuditableEntity
{
    private TimeOff() { }

    public TimeOff(int? staffMemberId, DateOnly from, DateOnly to, string reason, int? siteId = null)
    {
        if (staffMemberId is not null && siteId is not null)
            throw new ArgumentException("A clinician's own days off belong to no site.", nameof(siteId));
        SiteId = siteId;
        if (to < from)
            throw new ArgumentException("The last day cannot be before the first.", nameof(to));
        StaffMemberId = staffMemberId;
        From = from;
        To = to;
        Reason = reason.Trim();
    }

    public int? StaffMemberId { get; private set; }
    /// <summary>A holiday of this site only (no clinician); null for a clinician's leave or a holiday of the whole group.</summary>
    public int? SiteId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string Reason { get; private set; } = string.Empty;
}
