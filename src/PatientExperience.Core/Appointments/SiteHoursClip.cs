using PatientExperience.Core.Sites;

namespace PatientExperience.Core.Appointments;

/// <summary>
/// A clinician's working hours within their site's opening hours: nobody is offered a time when the site is shut. Done
/// once when the slot set-up is read (<see cref="SlotSetupCache"/>), so the search itself does no more work.
/// </summary>
public static class SiteHoursClip
{
    /// <summary>
    /// Each working interval cut to the site's hours that day; dropped on a day the site is closed. A site with no
    /// opening hours (null or none) limits nothing.
    /// </summary>
    public static IEnumerable<WorkingInterval> Clip(IEnumerable<WorkingInterval> hours, IReadOnlyCollection<OpeningTime>? opening)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (opening is null || opening.Count == 0)
            return hours;
        return hours.SelectMany(w => opening.Where(o => o.Day == w.Day)
            .Select(o => new WorkingInterval(w.Day, w.Start > o.Opens ? w.Start : o.Opens, w.End < o.Closes ? w.End : o.Closes))
            .Where(i => i.End > i.Start));
    }
}
