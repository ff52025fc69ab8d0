namespace PatientExperience.Core.Appointments;

/// <summary>
/// The slot set-up of this instance, in memory: services with their sites' zones, active clinicians per department
/// (its own and visiting ones), working hours per clinician and the department where they are worked (within that
/// site's opening hours) and days off. Read in six queries when first needed and again whenever a search finds another
/// version in the database (<see cref="ReferenceDataStamp"/>), so an edit on any instance is seen by the next search on every instance.
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
        var hoursWorked = await HoursWithinOpeningAsync(db, cancellationToken);
        var clinicians = Places([.. (await db.StaffMembers.AsNoTracking()
                .Where(s => s.IsClinician && s.IsActive && s.DepartmentId != null)
                .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
                .Select(s => new { DepartmentId = s.DepartmentId!.Value, Choice = new ClinicianChoice(s.Id, s.FirstName + " " + s.LastName, s.JobTitle) })
                .ToListAsync(cancellationToken)).Select(c => KeyValuePair.Create(c.DepartmentId, c.Choice))], hoursWorked);
        var hours = hoursWorked.ToLookup(w => new ClinicianPlace(w.StaffMemberId, w.DepartmentId), w => w.Interval);
        var daysOff = await db.TimeOff.AsNoTracking()
            .Select(t => new SetupDaysOff(t.StaffMemberId, new DaysOff(t.From, t.To), t.SiteId)).ToListAsync(cancellationToken);
        var setup = new SlotSetup(version, services, clinicians, hours, daysOff);
        _current = setup;
        return setup;
    }

    /// <summary>
    /// The clinicians of each department, in name order (<paramref name="byName"/>: each active clinician with their own
    /// department): its own, and those visiting with hours worked there.
    /// </summary>
    private static Dictionary<int, IReadOnlyList<ClinicianChoice>> Places(IReadOnlyList<KeyValuePair<int, ClinicianChoice>> byName,
        IReadOnlyList<WorkedHours> hours)
    {
        var visits = hours.Select(h => new ClinicianPlace(h.StaffMemberId, h.DepartmentId)).ToHashSet();
        return byName
            .SelectMany(c => visits.Where(v => v.ClinicianId == c.Value.Id && v.DepartmentId != c.Key).Select(v => v.DepartmentId)
                .Prepend(c.Key).Select(department => new { Department = department, Choice = c.Value }))
            .GroupBy(c => c.Department)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ClinicianChoice>)[.. g.Select(c => c.Choice)]);
    }

    /// <summary>
    /// Every working interval with where it is worked (<see cref="HoursWhereWorked"/>), cut to that site's opening hours
    /// (<see cref="SiteHoursClip"/>). Done here, once per set-up version, so a search costs what it did.
    /// </summary>
    private static async Task<IReadOnlyList<WorkedHours>> HoursWithinOpeningAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var opening = (await db.SiteOpeningHours.AsNoTracking()
                .Select(h => new { h.SiteId, Time = new Sites.OpeningTime(h.Day, h.Opens, h.Closes) }).ToListAsync(cancellationToken))
            .GroupBy(h => h.SiteId)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<Sites.OpeningTime>)[.. g.Select(h => h.Time)]);
        var rows = await HoursWhereWorked(db.WorkingHours.AsNoTracking(), db.StaffMembers.AsNoTracking(), db.Departments.AsNoTracking())
            .ToListAsync(cancellationToken);
        return [.. rows.SelectMany(w => SiteHoursClip.Clip([w.Interval], opening.GetValueOrDefault(w.SiteId)).Select(interval => w with { Interval = interval }))];
    }

    /// <summary>
    /// Working hours with the department where each is worked (the row's own, else the clinician's) and its site, in one
    /// query. Hours of a clinician with no department and no place of their own are nowhere, so left out.
    /// </summary>
    public static IQueryable<WorkedHours> HoursWhereWorked(IQueryable<Staff.WorkingHours> hours, IQueryable<Staff.StaffMember> staff,
        IQueryable<Departments.Department> departments) =>
        from w in hours
        join s in staff on w.StaffMemberId equals s.Id
        join d in departments on (w.DepartmentId ?? s.DepartmentId) equals (int?)d.Id
        select new WorkedHours(w.StaffMemberId, d.Id, d.SiteId, new WorkingInterval(w.Day, w.Start, w.End));
}
