namespace PatientExperience.Core.Complaints;

/// <summary>
/// The policy in force now: the admin's stored choice (or configuration), over a working calendar. A complaint about a
/// department or a visit at a site runs on that site's clock: its zone, its holidays on top of the group's
/// (<see cref="DeadlinesForAsync"/>); one that names neither runs on the group's.
/// </summary>
public sealed class ComplaintPolicy(IAppDbContext db, ClinicClock clock, IOptions<ComplaintOptions> options)
{
    private readonly Dictionary<int, ComplaintDeadlines> _deadlines = [];
    private readonly Dictionary<int, int?> _departmentSites = [];
    private ComplaintSettings? _settings;
    private bool _loaded;

    public ComplaintOptions Options => options.Value;

    public async Task<ComplaintSettings?> StoredAsync(CancellationToken cancellationToken)
    {
        if (!_loaded)
        {
            _settings = await db.ComplaintSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ComplaintSettings.SingletonId, cancellationToken);
            _loaded = true;
        }
        return _settings;
    }

    /// <summary>The group's pack: the admin's stored choice, else configuration.</summary>
    public async Task<ComplaintPolicyPack> PackAsync(CancellationToken cancellationToken) =>
        PolicyPacks.Find((await StoredAsync(cancellationToken))?.PolicyPack ?? options.Value.PolicyPack);

    public async Task<int> ReopenDaysAsync(CancellationToken cancellationToken) =>
        (await StoredAsync(cancellationToken))?.ReopenDays ?? options.Value.ReopenDays;

    /// <summary>The site a complaint is about: its department's, else its visit's; null (the group) when it names neither.</summary>
    public async Task<int?> SiteOfAsync(int? departmentId, int? appointmentId, CancellationToken cancellationToken)
    {
        if (departmentId is { } d)
        {
            if (!_departmentSites.TryGetValue(d, out var site))
                _departmentSites[d] = site = await db.Departments.Where(x => x.Id == d).Select(x => (int?)x.SiteId).FirstOrDefaultAsync(cancellationToken);
            return site;
        }
        if (appointmentId is { } a)
            return await db.Appointments.Where(x => x.Id == a).Select(x => (int?)x.Service!.Department!.SiteId).FirstOrDefaultAsync(cancellationToken);
        return null;
    }

    /// <summary>The clocks of a complaint about <paramref name="departmentId"/> or <paramref name="appointmentId"/> (see <see cref="SiteOfAsync"/>).</summary>
    public async Task<ComplaintDeadlines> DeadlinesForAsync(int? departmentId, int? appointmentId, CancellationToken cancellationToken) =>
        await DeadlinesAsync(await SiteOfAsync(departmentId, appointmentId, cancellationToken), cancellationToken);

    /// <summary>
    /// The clocks at <paramref name="siteId"/>: the site's policy pack (else the group's), its zone (its working days and
    /// the end of its day) and its holidays on top of the group's; the group's alone for null.
    /// </summary>
    public async Task<ComplaintDeadlines> DeadlinesAsync(int? siteId, CancellationToken cancellationToken)
    {
        if (_deadlines.TryGetValue(siteId ?? 0, out var known))
            return known;
        var site = siteId is { } id
            ? await db.Sites.Where(s => s.Id == id).Select(s => new { s.TimeZone, s.ComplaintPolicyPack }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var siteClock = clock.For(site?.TimeZone);
        // The site's own pack when it names one (England and Wales in one group), else the group's.
        var pack = PolicyPacks.Exists(site?.ComplaintPolicyPack) ? PolicyPacks.Find(site!.ComplaintPolicyPack) : await PackAsync(cancellationToken);
        // Holidays from a year back (reopened and paused clocks) to two years ahead (NHS England's six months and more).
        var from = siteClock.Today.AddYears(-3);
        var to = siteClock.Today.AddYears(2);
        var holidays = await db.TimeOff.AsNoTracking()
            .Where(t => t.StaffMemberId == null && (t.SiteId == null || t.SiteId == siteId) && t.To >= from && t.From <= to)
            .Select(t => new { t.From, t.To })
            .ToListAsync(cancellationToken);
        var deadlines = new ComplaintDeadlines(new WorkingCalendar(siteClock.Zone, holidays.Select(h => (h.From, h.To))), pack, options.Value.DueSoonWorkingDays);
        _deadlines[siteId ?? 0] = deadlines;
        return deadlines;
    }
}
