using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Appointments;

/// <param name="TimeZone">The zone of the department's site: its free times are offered and written in it.</param>
public sealed record ServiceChoice(int Id, string Name, int DurationMinutes, int DepartmentId, string Department, string? TimeZone = null, int SiteId = 0);

public sealed record ClinicianChoice(int Id, string Name, string JobTitle);

public sealed record OfferedSlot(DateTime StartUtc, DateTime LocalStart, int ClinicianId, string ClinicianName, Slot Slot);

public sealed record DaySlots(DateOnly Date, IReadOnlyList<OfferedSlot> Slots);

/// <summary>Free times for a service, with one clinician or any of the department's clinicians.</summary>
public sealed class Availability(IAppDbContext db, ClinicClock clock, IOptions<BookingOptions> options)
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

    public async Task<IReadOnlyList<ClinicianChoice>> CliniciansAsync(int serviceId, CancellationToken cancellationToken)
    {
        var departmentId = await db.ClinicServices.Where(s => s.Id == serviceId).Select(s => (int?)s.DepartmentId).FirstOrDefaultAsync(cancellationToken);
        if (departmentId is null)
            return [];
        return await db.StaffMembers.AsNoTracking()
            .Where(s => s.IsClinician && s.IsActive && s.DepartmentId == departmentId)
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
        var service = await db.ClinicServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId && s.IsActive, cancellationToken);
        if (service is null)
            return [];
        var clinicians = (await CliniciansAsync(serviceId, cancellationToken))
            .Where(c => clinicianId is null || c.Id == clinicianId).ToList();
        var toDate = fromDate.AddDays(days - 1);
        var site = await ClockForServiceAsync(serviceId, cancellationToken);
        var free = await FreeSlotsAsync(service, site, [.. clinicians.Select(c => c.Id)], fromDate, toDate, null, null, cancellationToken);
        var offered = new List<OfferedSlot>();
        foreach (var clinician in clinicians)
        {
            foreach (var slot in free[clinician.Id])
                offered.Add(new OfferedSlot(slot.StartUtc, slot.LocalStart, clinician.Id, clinician.Name, slot));
        }
        return OneOfferPerTime(offered);
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
    /// <param name="ignoreHoldId">The waitlist hold being taken up: the time it holds counts as free.</param>
    public Task<Slot?> FindSlotAsync(int serviceId, int clinicianId, DateTime startUtc, int? ignoreAppointmentId, CancellationToken cancellationToken) =>
        FindSlotAsync(serviceId, clinicianId, startUtc, ignoreAppointmentId, null, cancellationToken);

    /// <inheritdoc cref="FindSlotAsync(int, int, DateTime, int?, CancellationToken)"/>
    public async Task<Slot?> FindSlotAsync(int serviceId, int clinicianId, DateTime startUtc, int? ignoreAppointmentId, int? ignoreHoldId, CancellationToken cancellationToken)
    {
        var service = await db.ClinicServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId && s.IsActive, cancellationToken);
        if (service is null)
            return null;
        var site = await ClockForServiceAsync(serviceId, cancellationToken);
        var day = DateOnly.FromDateTime(site.ToLocal(startUtc));
        var slots = await FreeSlotsAsync(service, site, [clinicianId], day, day, ignoreAppointmentId, ignoreHoldId, cancellationToken);
        return slots[clinicianId].FirstOrDefault(s => s.StartUtc == startUtc);
    }

    /// <summary>
    /// Free slots for each of the given clinicians: four queries in all (hours, days off, busy
    /// blocks, time held for the waitlist), however many clinicians "anyone" covers, then the pure slot arithmetic per clinician,
    /// in the zone of the service's site (<paramref name="site"/>): working hours, days off and "today" are that site's.
    /// </summary>
    private async Task<Dictionary<int, IReadOnlyList<Slot>>> FreeSlotsAsync(Departments.ClinicService service, ClinicClock site, IReadOnlyList<int> clinicianIds,
        DateOnly fromDate, DateOnly toDate, int? ignoreAppointmentId, int? ignoreHoldId, CancellationToken cancellationToken)
    {
        var policy = options.Value;
        var hours = (await db.WorkingHours.AsNoTracking().Where(w => clinicianIds.Contains(w.StaffMemberId))
            .Select(w => new { w.StaffMemberId, Interval = new WorkingInterval(w.Day, w.Start, w.End) }).ToListAsync(cancellationToken))
            .ToLookup(w => w.StaffMemberId, w => w.Interval);
        // Days off: the clinicians' own, the group's holidays (no site) and the service's site's own holidays (issue 17).
        var off = await db.TimeOff.AsNoTracking()
            .Where(t => ((t.StaffMemberId == null && (t.SiteId == null || db.Departments.Any(d => d.Id == service.DepartmentId && d.SiteId == t.SiteId)))
                         || clinicianIds.Contains(t.StaffMemberId!.Value))
                        && t.To >= fromDate && t.From <= toDate)
            .Select(t => new { t.StaffMemberId, Days = new DaysOff(t.From, t.To) }).ToListAsync(cancellationToken);
        // A day either side covers any offset between the clinic's zone and UTC.
        var windowStart = DateTime.SpecifyKind(fromDate.AddDays(-1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        var windowEnd = DateTime.SpecifyKind(toDate.AddDays(2).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        // A block is at most 480 + 2 × 60 minutes long (validated), so one that ends inside the window
        // starts less than a day before it: this bound lets the (ClinicianId, BlockStartUtc) index seek
        // instead of walking the clinician's whole history.
        var earliestBlockStart = windowStart.AddDays(-1);
        var busy = (await db.Appointments.AsNoTracking()
            .Where(a => clinicianIds.Contains(a.ClinicianId) && a.BlockStartUtc > earliestBlockStart && a.BlockStartUtc < windowEnd && a.BlockEndUtc > windowStart
                        && a.Status != AppointmentStatus.Cancelled && a.Id != ignoreAppointmentId)
            .Select(a => new { a.ClinicianId, Block = new BusyInterval(a.BlockStartUtc, a.BlockEndUtc) }).ToListAsync(cancellationToken))
            .ToLookup(a => a.ClinicianId, a => a.Block);
        // Time held for a waiting patient is taken for everyone else until the hold ends (the same cells that stop a booking).
        // Open holds are few and indexed by (clinician, start), so this starts from them rather than from the cells.
        var cell = TimeSpan.FromMinutes(TimeCell.CellMinutes);
        var held = (await (
                from o in db.WaitlistOffers.AsNoTracking()
                where o.Status == OfferStatus.Open && clinicianIds.Contains(o.ClinicianId) && o.StartUtc > earliestBlockStart && o.StartUtc < windowEnd
                      && o.Id != ignoreHoldId
                join c in db.TimeCells.AsNoTracking() on (int?)o.Id equals c.HoldId
                select new { o.ClinicianId, c.CellStartUtc })
            .ToListAsync(cancellationToken))
            .ToLookup(c => c.ClinicianId, c => new BusyInterval(c.CellStartUtc, c.CellStartUtc + cell));
        var rules = new SlotRules(service.DurationMinutes, service.BufferBeforeMinutes, service.BufferAfterMinutes,
            policy.MinimumNotice, policy.HorizonDays, policy.SlotStepMinutes);
        var result = new Dictionary<int, IReadOnlyList<Slot>>();
        foreach (var id in clinicianIds)
        {
            var own = hours[id].ToList();
            result[id] = own.Count == 0
                ? []
                : SlotFinder.FreeSlots(site.Zone, site.UtcNow, fromDate, toDate, rules, own,
                    [.. off.Where(o => o.StaffMemberId is null || o.StaffMemberId == id).Select(o => o.Days)], [.. busy[id], .. held[id]]);
        }
        return result;
    }
}
