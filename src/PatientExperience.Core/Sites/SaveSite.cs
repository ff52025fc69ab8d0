namespace PatientExperience.Core.Sites;

/// <param name="PolicyPack">A <see cref="Complaints.PolicyPacks"/> code, or null or empty for the group's.</param>
/// <param name="Hours">The opening hours, one entry per weekday (closed days with both times empty; every day closed is no
/// opening hours at all); null leaves them as they are.</param>
public sealed record SaveSite(string? Name, string? Address, string? Phone, string? Directions, string? WhatToBring, string? TimeZone, string? PolicyPack = null,
    IReadOnlyList<SaveOpeningDay>? Hours = null)
{
    /// <summary>The open days of <see cref="Hours"/> (valid ones: call after validation).</summary>
    public IEnumerable<OpeningTime> OpeningTimes() =>
        (Hours ?? []).Where(h => !h.IsClosed && SaveOpeningDay.TryParse(h.Opens, out _) && SaveOpeningDay.TryParse(h.Closes, out _))
            .Select(h => new OpeningTime(h.Day, Parse(h.Opens), Parse(h.Closes)));

    private static TimeOnly Parse(string? text) => SaveOpeningDay.TryParse(text, out var time) ? time : default;
}

