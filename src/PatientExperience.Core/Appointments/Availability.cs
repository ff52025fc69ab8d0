namespace PatientExperience.Core.Appointments;

/// <summary>Free times for a service, with one clinician or any of the department's clinicians.</summary>
/// <remarks>
/// A search reads the set-up (services, clinicians, hours, days off, sites' zones) from <see cref="SlotSetupCache"/> and
/// only the busy time from the database, with the set-up's version in the same round trip (<see cref="IBusyTimeReader"/>):
/// when another instance has changed the set-up, the search reads it again and searches once more.
/// </remarks>
public sealed class Availability(IAppDbContext db, ClinicClock clock, IOptions<BookingOptions> options, SlotSetupCache setupCache, IBusyTimeReader busyTimes)
{
    public BookingOptions Policy => options.Value;

    /// <summary>
    /// The first day of a page of free times for the day asked for: never before today, never past the booking horizon's
    /// last day (nothing is bookable later), so a far-off or made-up date shows the nearest page that has times.
    /// </summary>
    public static DateOnly PageStart(DateOnly? from, DateOnly today, int horizonDays)
    {
        var last = today.AddDays(Math.Max(0, horizonDays));
        return from is not { } asked || asked < today ? today : asked > last ? last : asked;
    }

    public Task<IReadOnlyList<ServiceChoice>> ServicesAsync(CancellationToken cancellationToken) => ServicesAsync(null, cancellationToken);

    /// <param name="siteId">Only this site's services (the site a patient chose); null for every site.</param>
    public async Task<IReadOnlyList<ServiceChoice>> ServicesAsync(int? siteId, CancellationToken cancellationToken) =>
        await db.ClinicServices.AsNoTracking()
            .Where(s => s.IsActive && s.Department!.IsActive && s.Department.Site!.IsActive && (siteId == null || s.Department.SiteId == siteId))
            .OrderBy(s => s.Department!.Name).ThenBy(s => s.Name)
            .Select(s => new ServiceChoice(s.Id, s.Name, s.DurationMinutes, s.DepartmentId, s.Department!.Name, s.Department.Site!.TimeZone, s.Department.SiteId))
            .ToListAsync(cancellationToken);

    public async Task<ServiceChoice?> ServiceAsync(int serviceId, CancellationToken cancellationToken) =>
        await db.ClinicServices.AsNoTracking()
            .Where(s => s.Id == serviceId && s.IsActive && s.Department!.IsActive)
            .Select(s => new ServiceChoice(s.Id, s.Name, s.DurationMinutes, s.DepartmentId, s.Department!.Name, s.Department.Site!.TimeZone, s.Department.SiteId))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The clock of the site where this service is given (<see cref="ClinicClock.For"/>): its zone, its "today".</summary>
    public async Task<ClinicClock> ClockForServiceAsync(int serviceId, CancellationToken cancellationToken) =>
        clock.For(await db.ClinicServices.Where(s => s.Id == serviceId).Select(s => s.Department!.Site!.TimeZone).FirstOrDefaultAsync(cancellationToken));

    /// <summary>
    /// Who can be booked for the service, in name order: the active clinicians of its department and those visiting it
    /// (with hours worked there, <see cref="Staff.WorkingHours.DepartmentId"/>). The one list booking, moving, the front
    /// desk and the waitlist check a clinician against.
    /// </summary>
    public async Task<IReadOnlyList<ClinicianChoice>> CliniciansAsync(int serviceId, CancellationToken cancellationToken)
    {
        var departmentId = await db.ClinicServices.Where(s => s.Id == serviceId).Select(s => (int?)s.DepartmentId).FirstOrDefaultAsync(cancellationToken);
        if (departmentId is null)
            return [];
        return await db.StaffMembers.AsNoTracking()
            .Where(s => s.IsClinician && s.IsActive && s.DepartmentId != null
                && (s.DepartmentId == departmentId || db.WorkingHours.Any(w => w.StaffMemberId == s.Id && w.DepartmentId == departmentId)))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new ClinicianChoice(s.Id, s.FirstName + " " + s.LastName, s.JobTitle))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Free slots from <paramref name="fromDate"/> for <paramref name="days"/> days local to the service's site.
    /// With no clinician chosen, each time is offered once (see <see cref="OneOfferPerTime"/>).
    /// </summary>
    public async Task<IReadOnlyList<DaySlots>> SlotsAsync(int serviceId, int? clinicianId, DateOnly fromDate, int days, CancellationToken cancellationToken)
    {
        var setup = await SetupWithAsync(serviceId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            if (!setup.Services.TryGetValue(serviceId, out var service) || !service.IsActive)
                return [];
            var clinicians = setup.Clinicians(service.DepartmentId).Where(c => clinicianId is null || c.Id == clinicianId).ToList();
            var (free, fresh) = await FreeSlotsAsync(setup, service, [.. clinicians.Select(c => c.Id)], fromDate, fromDate.AddDays(days - 1), null, null, cancellationToken);
            if (fresh is not null && attempt == 1)
            {
                setup = fresh;
                continue;
            }
            var offered = new List<OfferedSlot>();
            foreach (var clinician in clinicians)
            {
                foreach (var slot in free[clinician.Id])
                    offered.Add(new OfferedSlot(slot.StartUtc, slot.LocalStart, clinician.Id, clinician.Name, slot));
            }
            return OneOfferPerTime(offered);
        }
    }

    /// <summary>
    /// Each time once, given to the clinician with the most free time left that day, so "anyone"
    /// spreads patients across the team instead of filling the first name on the list. Ties go
    /// to the earlier clinician in <paramref name="offered"/> (name order).
    /// </summary>
    public static IReadOnlyList<DaySlots> OneOfferPerTime(IReadOnlyList<OfferedSlot> offered)
    {
        var freeThatDay = offered
            .GroupBy(s => (s.ClinicianId, Day: DateOnly.FromDateTime(s.LocalStart)))
            .ToDictionary(g => g.Key, g => g.Count());
        return [.. offered
            .GroupBy(s => s.StartUtc)
            .Select(g => g.OrderByDescending(s => freeThatDay[(s.ClinicianId, DateOnly.FromDateTime(s.LocalStart))]).First())
            .OrderBy(s => s.StartUtc)
            .GroupBy(s => DateOnly.FromDateTime(s.LocalStart))
            .Select(g => new DaySlots(g.Key, [.. g]))];
    }

    /// <summary>The free slot starting exactly at <paramref name="startUtc"/> for this clinician, if there is one.</summary>
    /// <param name="ignoreAppointmentId">A visit being moved: its own time counts as free.</param>
    public Task<Slot?> FindSlotAsync(int serviceId, int clinicianId, DateTime startUtc, int? ignoreAppointmentId, CancellationToken cancellationToken) =>
        FindSlotAsync(serviceId, clinicianId, startUtc, ignoreAppointmentId, null, cancellationToken);

    /// <inheritdoc cref="FindSlotAsync(int, int, DateTime, int?, CancellationToken)"/>
    /// <param name="ignoreHoldId">The waitlist hold being taken up: the time it holds counts as free.</param>
    public async Task<Slot?> FindSlotAsync(int serviceId, int clinicianId, DateTime startUtc, int? ignoreAppointmentId, int? ignoreHoldId, CancellationToken cancellationToken)
    {
        var setup = await SetupWithAsync(serviceId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            if (!setup.Services.TryGetValue(serviceId, out var service) || !service.IsActive)
                return null;
            var day = DateOnly.FromDateTime(clock.For(service.TimeZone).ToLocal(startUtc));
            var (slots, fresh) = await FreeSlotsAsync(setup, service, [clinicianId], day, day, ignoreAppointmentId, ignoreHoldId, cancellationToken);
            if (fresh is not null && attempt == 1)
            {
                setup = fresh;
                continue;
            }
            return slots[clinicianId].FirstOrDefault(s => s.StartUtc == startUtc);
        }
    }

    /// <summary>
    /// This instance's set-up, read first if it has none, or if it does not know the service (made a moment ago on
    /// another instance) and the database has a newer version. Other staleness is caught with the busy rows.
    /// </summary>
    private async Task<SlotSetup> SetupWithAsync(int serviceId, CancellationToken cancellationToken)
    {
        if (setupCache.Current is not { } setup)
            return await setupCache.LoadAsync(db, cancellationToken);
        if (setup.Services.ContainsKey(serviceId))
            return setup;
        var version = await db.ReferenceDataStamps.AsNoTracking().Where(s => s.Id == ReferenceDataStamp.RowId).Select(s => s.Version).FirstOrDefaultAsync(cancellationToken);
        return version == setup.Version ? setup : await setupCache.LoadAsync(db, cancellationToken);
    }

    /// <summary>
    /// Free slots for each of the given clinicians: one read of the busy time (blocks and waitlist holds) however many
    /// clinicians "anyone" covers, then the pure slot arithmetic per clinician, in the zone of the service's site:
    /// the hours each works in the service's department, days off and "today" are that site's. When the read finds another set-up version, the set-up is
    /// read again and returned as <c>Fresh</c>: the slots were found with the old one, and the caller searches again.
    /// </summary>
    private async Task<(Dictionary<int, IReadOnlyList<Slot>> Free, SlotSetup? Fresh)> FreeSlotsAsync(SlotSetup setup, SetupService service,
        IReadOnlyList<int> clinicianIds, DateOnly fromDate, DateOnly toDate, int? ignoreAppointmentId, int? ignoreHoldId, CancellationToken cancellationToken)
    {
        var policy = options.Value;
        var site = clock.For(service.TimeZone);
        // A day either side covers any offset between the clinic's zone and UTC.
        var windowStart = DateTime.SpecifyKind(fromDate.AddDays(-1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        var windowEnd = DateTime.SpecifyKind(toDate.AddDays(2).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        // A block is at most 480 + 2 × 60 minutes long (validated), so one that ends inside the window
        // starts less than a day before it: this bound lets the (ClinicianId, BlockStartUtc) index seek
        // instead of walking the clinician's whole history. Waitlist holds use the same bounds on their start.
        var read = await busyTimes.ReadAsync(new BusyTimeQuery(clinicianIds, windowStart.AddDays(-1), windowStart, windowEnd, ignoreAppointmentId, ignoreHoldId), cancellationToken);
        var fresh = read.SetupVersion == setup.Version ? null : await setupCache.LoadAsync(db, cancellationToken);
        var rules = new SlotRules(service.DurationMinutes, service.BufferBeforeMinutes, service.BufferAfterMinutes,
            policy.MinimumNotice, policy.HorizonDays, policy.SlotStepMinutes);
        var result = new Dictionary<int, IReadOnlyList<Slot>>();
        foreach (var id in clinicianIds)
        {
            var own = setup.Hours(id, service.DepartmentId).ToList();
            result[id] = own.Count == 0
                ? []
                : SlotFinder.FreeSlots(site.Zone, site.UtcNow, fromDate, toDate, rules, own,
                    [.. setup.DaysOff.Where(o => o.AppliesTo(id, service.SiteId) && o.Days.To >= fromDate && o.Days.From <= toDate).Select(o => o.Days)],
                    [.. read.Busy[id]]);
        }
        return (result, fresh);
    }
}
