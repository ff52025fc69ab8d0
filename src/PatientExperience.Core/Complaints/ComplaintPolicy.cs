using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Complaints;

/// <summary>The policy in force now: the admin's stored choice (or configuration), over the clinic's working calendar.</summary>
public sealed class ComplaintPolicy(IAppDbContext db, ClinicClock clock, IOptions<ComplaintOptions> options)
{
    private ComplaintDeadlines? _deadlines;
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

    public async Task<ComplaintPolicyPack> PackAsync(CancellationToken cancellationToken) =>
        PolicyPacks.Find((await StoredAsync(cancellationToken))?.PolicyPack ?? options.Value.PolicyPack);

    public async Task<int> ReopenDaysAsync(CancellationToken cancellationToken) =>
        (await StoredAsync(cancellationToken))?.ReopenDays ?? options.Value.ReopenDays;

    public async Task<ComplaintDeadlines> DeadlinesAsync(CancellationToken cancellationToken)
    {
        if (_deadlines is not null)
            return _deadlines;
        var pack = await PackAsync(cancellationToken);
        // Holidays from a year back (reopened and paused clocks) to two years ahead (NHS England's six months and more).
        var from = clock.Today.AddYears(-3);
        var to = clock.Today.AddYears(2);
        var holidays = await db.TimeOff.AsNoTracking()
            .Where(t => t.StaffMemberId == null && t.SiteId == null && t.To >= from && t.From <= to)
            .Select(t => new { t.From, t.To })
            .ToListAsync(cancellationToken);
        _deadlines = new ComplaintDeadlines(new WorkingCalendar(clock.Zone, holidays.Select(h => (h.From, h.To))), pack, options.Value.DueSoonWorkingDays);
        return _deadlines;
    }
}
