namespace PatientExperience.Core.Sites;

/// <param name="PolicyPack">A <see cref="Complaints.PolicyPacks"/> code, or null or empty for the group's.</param>
/// <param name="Hours">The opening hours, one entry per weekday (closed days with both times empty; every day closed is no
/// opening hours at all; a day with a break has its second opening too); null leaves them as they are.</param>
public sealed record SaveSite(string? Name, string? Address, string? Phone, string? Directions, string? WhatToBring, string? TimeZone, string? PolicyPack = null,
    IReadOnlyList<SaveOpeningDay>? Hours = null)
{
    /// <summary>The open days of <see cref="Hours"/> (valid ones: call after validation).</summary>
    public IEnumerable<OpeningTime> OpeningTimes() => (Hours ?? []).SelectMany(h => h.OpeningTimes());
}

