namespace PatientExperience.Core.Departments;

/// <summary>
/// What a patient needs to find a visit and come prepared: the department, its address, directions and what to bring
/// (the department's own, else its site's), and the site: its name, phone (E.164) and time zone, which every time about
/// the visit is written in, and its opening hours (none: not shown). Read with <see cref="Of"/>.
/// </summary>
public sealed record VisitPlace(string Department, string? Address, string? Directions, string? WhatToBring,
    string? Site = null, string? Phone = null, string? TimeZone = null, IReadOnlyList<Sites.OpeningTime>? OpeningHours = null)
{
    /// <summary>The one way a department becomes a place (a query: <c>db.Departments.Where(…).Select(VisitPlace.Of)</c>).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Department, VisitPlace>> Of = d => new VisitPlace(
        d.Name, d.Address ?? d.Site!.Address, d.Directions ?? d.Site!.Directions, d.WhatToBring ?? d.Site!.WhatToBring,
        d.Site!.Name, d.Site.Phone, d.Site.TimeZone, d.Site.OpeningHours.Select(h => new Sites.OpeningTime(h.Day, h.Opens, h.Closes)).ToList());


    /// <summary>The department and its address on one line ("Cardiology, 410 Riverside Drive, 2nd floor").</summary>
    public string OneLine => Address is null ? Department : $"{Department}, {Address.ReplaceLineEndings(", ")}";

    /// <summary>The site first, then <see cref="OneLine"/> ("Riverside Chicago, Cardiology, 200 West Adams Street…"): the
    /// email's "Where:" and the calendar event's LOCATION.</summary>
    public string WithSite => Site is null ? OneLine : $"{Site}, {OneLine}";
}
