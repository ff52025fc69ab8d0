namespace PatientExperience.Core.Appointments;

/// <summary>
/// The slot set-up of this instance, in memory: services with their sites' zones, active clinicians, working hours
/// (within their site's opening hours) and days off. Read in six queries when first needed and again whenever a search finds another version in the
/// database (<see cref="ReferenceDataStamp"/>), so an edit on any instance is seen by the next search on every instance.
/// </summary>
public sealed class SlotSetupCache
{
    private volatile SlotSetup? _current;

    /// <summary>The set-up last read, or null before the first search.</summary>
    public SlotSetup? Current => _current;

    /// <summary>Reads the set-up again. The version is read first, so the rows are at least as new as it says.</summary>
    public async Task<SlotSetup> LoadAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = await db.ReferenceDataStamps.AsNoTracking().Where(s => s.Id == ReferenceDataStamp.RowId)
            .Select(s => s.Version).FirstOrDefaultAsync(cancellationToken);
        var services = await db.ClinicServices.AsNoTracking()
            .Select(s => new SetupService(s.Id, s.IsActive, s.DurationMinutes, s.BufferBeforeMinutes, s.BufferAfterMinutes, s.DepartmentId, s.Department!.Site!.TimeZone, s.Department.SiteId))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var clinicians = (await db.StaffMembers.AsNoTracking()
                .Where(s => s.IsClinician && s.IsActive && s.DepartmentId != null)
                .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
                .Select(s => new { DepartmentId = s.DepartmentId!.Value, Choice = new ClinicianChoice(s.Id, s.FirstName + " " + s.LastName, s.JobTitle) })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.DepartmentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ClinicianChoice>)[.. g.Select(c => c.Choice)]);
        var hours = await HoursWithinOpeningAsync(db, cancellationToken);
        var daysOff = await db.TimeOff.AsNoTracking()
            .Select(t => new SetupDaysOff(t.StaffMemberId, new DaysOff(t.From, t.To), t.SiteId)).ToListAsync(cancellationToken);
        var setup = new SlotSetup(version, services, clinicians, hours, daysOff);
        _current = setup;
        return setup;
    }

    /// <summary>
    /// Every clinician's working hours, cut to their site's opening hours (<see cref="SiteHoursClip"/>): the site is
    /// their department's. Done here, once per set-up version, so a search costs what it did.
    /// </summary>
    private static async Task<ILookup<int, WorkingInterval>> HoursWithinOpeningAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var opening = (await db.SiteOpeningHours.AsNoTracking()
                .Select(h => new { h.SiteId, Time = new Sites.OpeningTime(h.Day, h.Opens, h.Closes) }).ToListAsync(cancellationToken))
            .GroupBy(h => h.SiteId)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<Sites.OpeningTime>)[.. g.Select(h => h.Time)]);
        var rows = await (from w in db.WorkingHours.AsNoTracking()
                          join s in db.StaffMembers.AsNoTracking() on w.StaffMemberId equals s.Id
                          select new { w.StaffMemberId, SiteId = (int?)s.Department!.SiteId, Interval = new WorkingInterval(w.Day, w.Start, w.End) })
            .ToListAsync(cancellationToken);
        return rows
            .SelectMany(w => SiteHoursClip.Clip([w.Interval], w.SiteId is { } site ? opening.GetValueOrDefault(site) : null)
                .Select(interval => new { w.StaffMemberId, Interval = interval }))
            .ToLookup(w => w.StaffMemberId, w => w.Interval);
    }
}
