using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Common;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Dashboards;

namespace PatientExperience.Infrastructure.Dashboards;

/// <summary>
/// Keeps the complaint rollups current without the complaints code knowing: notes the cells (received day and key, as
/// they were and as they are) of complaints being added, changed or removed, and once they are saved recomputes only
/// those cells on the same connection, inside the same transaction when the caller has one.
/// Only async saves are followed (the app saves asynchronously everywhere); the rebuild covers anything else.
/// </summary>
public sealed class ComplaintRollupInterceptor(ClinicClock clock, ISurveyRollupLock rollupLock, ILoggerFactory loggers) : SaveChangesInterceptor
{
    private readonly List<(DateTime ReceivedAtUtc, ComplaintRollupKey Key)> _pending = [];
    private bool _refreshing;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // Adds, never clears: another interceptor's own save may run between this save and its SavedChanges.
        if (eventData.Context is { } context && !_refreshing)
            Collect(context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_pending.Count > 0 && !_refreshing && eventData.Context is IAppDbContext db)
        {
            var cells = _pending.ToList();
            _pending.Clear();
            _refreshing = true;
            try
            {
                await new ComplaintRollups(db, clock, rollupLock, loggers.CreateLogger<ComplaintRollups>()).RefreshAsync(cells, cancellationToken);
            }
            finally
            {
                _refreshing = false;
            }
        }
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_refreshing)
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
        foreach (var entry in context.ChangeTracker.Entries<Complaint>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    _pending.Add(Current(entry));
                    break;
                case EntityState.Modified:
                    _pending.Add(Original(entry));
                    _pending.Add(Current(entry));
                    break;
                case EntityState.Deleted:
                    _pending.Add(Original(entry));
                    break;
            }
        }
    }

    private static (DateTime, ComplaintRollupKey) Current(EntityEntry<Complaint> entry)
    {
        var c = entry.Entity;
        return (c.ReceivedAtUtc, ComplaintRollupKey.Of(c.DepartmentId, c.ConcernedStaffMemberId, c.CategoryId, c.Severity, c.Kind));
    }

    private static (DateTime, ComplaintRollupKey) Original(EntityEntry<Complaint> entry) =>
        (entry.OriginalValues.GetValue<DateTime>(nameof(Complaint.ReceivedAtUtc)),
            ComplaintRollupKey.Of(
                entry.OriginalValues.GetValue<int?>(nameof(Complaint.DepartmentId)),
                entry.OriginalValues.GetValue<int?>(nameof(Complaint.ConcernedStaffMemberId)),
                entry.OriginalValues.GetValue<int>(nameof(Complaint.CategoryId)),
                entry.OriginalValues.GetValue<ComplaintSeverity>(nameof(Complaint.Severity)),
                entry.OriginalValues.GetValue<ComplaintKind>(nameof(Complaint.Kind))));
}
