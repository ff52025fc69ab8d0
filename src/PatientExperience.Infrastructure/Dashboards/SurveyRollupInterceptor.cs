using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Infrastructure.Dashboards;

/// <summary>
/// Keeps the survey rollups current without the survey code knowing: notes the visits of invitations and responses being
/// added, and once they are saved recomputes those visits' rollup rows on the same connection, inside the same
/// transaction when the caller has one (a survey answer is then counted exactly when it is committed).
/// Only async saves are followed (the app saves asynchronously everywhere); the rebuild covers anything else.
/// </summary>
public sealed class SurveyRollupInterceptor(ClinicClock clock, ISurveyRollupLock rollupLock, ILoggerFactory loggers) : SaveChangesInterceptor
{
    private readonly List<(DateTime VisitStartUtc, int ClinicianId, int ServiceId)> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
            Collect(context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_pending.Count > 0 && eventData.Context is IAppDbContext db)
        {
            var visits = _pending.ToList();
            _pending.Clear();
            await new SurveyRollups(db, clock, rollupLock, loggers.CreateLogger<SurveyRollups>()).RefreshAsync(visits, cancellationToken);
        }
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Clear();
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _pending.Clear();
        return base.SavingChanges(eventData, result);
    }

    private void Collect(DbContext context)
    {
        _pending.Clear();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added)
                continue;
            switch (entry.Entity)
            {
                case SurveyInvitation invitation:
                    _pending.Add((invitation.VisitStartUtc, invitation.ClinicianId, invitation.ServiceId));
                    break;
                case SurveyResponse response:
                    _pending.Add((response.VisitStartUtc, response.ClinicianId, response.ServiceId));
                    break;
            }
        }
    }
}

/// <summary>
/// SQLite runs one write transaction at a time already; on SQL Server an exclusive application lock held until the
/// transaction ends does the same for survey rollup refreshes.
/// </summary>
public sealed class SurveyRollupLock : ISurveyRollupLock
{
    public async Task AcquireAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlRawAsync(
                "EXEC sp_getapplock @Resource = 'survey-rollups', @LockMode = 'Exclusive', @LockOwner = 'Transaction';", cancellationToken);
        }
    }
}
