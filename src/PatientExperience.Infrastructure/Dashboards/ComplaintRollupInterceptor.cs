using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
public sealed class ComplaintRollupInterceptor(ClinicClock clock, IRollupLock rollupLock, ILoggerFactory loggers)
    : RollupRefreshInterceptor<(DateTime ReceivedAtUtc, ComplaintRollupKey Key)>
{
    protected override Task RefreshAsync(IAppDbContext db, IReadOnlyCollection<(DateTime ReceivedAtUtc, ComplaintRollupKey Key)> cells, CancellationToken cancellationToken) =>
        new ComplaintRollups(db, clock, rollupLock, loggers.CreateLogger<ComplaintRollups>()).RefreshAsync(cells, cancellationToken);

    protected override void Collect(DbContext context, List<(DateTime ReceivedAtUtc, ComplaintRollupKey Key)> cells)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cells);
        foreach (var entry in context.ChangeTracker.Entries<Complaint>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    cells.Add(Current(entry));
                    break;
                case EntityState.Modified:
                    cells.Add(Original(entry));
                    cells.Add(Current(entry));
                    break;
                case EntityState.Deleted:
                    cells.Add(Original(entry));
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
