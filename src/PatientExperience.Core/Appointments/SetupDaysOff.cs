namespace PatientExperience.Core.Appointments;

/// <summary>Days off of one clinician, or (no clinician) a holiday of the whole group or (<see cref="SiteId"/>) of one site.</summary>
public sealed record SetupDaysOff(int? StaffMemberId, DaysOff Days, int? SiteId = null)
{
    /// <summary>Whether the days are off for this clinician seeing patients at this site: their own, the group's, or that site's.</summary>
    public bool AppliesTo(int clinicianId, int siteId) =>
        StaffMemberId == clinicianId || (StaffMemberId is null && (SiteId is null || SiteId == siteId));
}
