using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;

namespace PatientExperience.Core.Complaints;

/// <summary>
/// Tells the department's manager about complaints that are due soon or overdue: once per stage of each
/// deadline, not every round. The stage is claimed by a conditional UPDATE in the same transaction that
/// queues the email, so a second instance (or a restart) finds it taken; a new deadline (after acknowledging,
/// resuming or reopening) starts unescalated again.
/// </summary>
public sealed partial class ComplaintEscalator(
    IAppDbContext db,
    ComplaintPolicy policy,
    IComplaintStaffDirectory directory,
    IComplaintNotifier notifier,
    ClinicClock clock,
    ILogger<ComplaintEscalator> logger) : IPeriodicJob
{
    public const int BatchSize = 50;
    public const int DueSoonLevel = 1;
    public const int OverdueLevel = 2;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var due = await db.Complaints.AsNoTracking()
            .Where(c => c.NextDueAtUtc != null
                && ((c.NextDueAtUtc <= now && c.EscalationLevel < OverdueLevel) || (c.DueSoonAtUtc <= now && c.EscalationLevel < DueSoonLevel)))
            .OrderBy(c => c.NextDueAtUtc)
            .Select(c => new { c.Id, c.NextDueAtUtc })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var escalated = 0;
        foreach (var candidate in due)
        {
            var level = candidate.NextDueAtUtc <= now ? OverdueLevel : DueSoonLevel;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Complaints
                .Where(c => c.Id == candidate.Id && c.EscalationLevel < level && c.NextDueAtUtc == candidate.NextDueAtUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.EscalationLevel, level).SetProperty(c => c.EscalatedAtUtc, now), cancellationToken);
            if (claimed != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }
            var complaint = await db.Complaints.AsTracking().FirstAsync(c => c.Id == candidate.Id, cancellationToken);
            var manager = await directory.DepartmentManagerAsync(complaint.DepartmentId, cancellationToken);
            complaint.RecordEscalation(level, manager?.Id, manager?.Name ?? "no manager set up", now);
            if (manager is not null)
            {
                var deadlines = await policy.DeadlinesAsync(cancellationToken);
                var category = await db.ComplaintCategories.Where(c => c.Id == complaint.CategoryId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
                var department = complaint.DepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
                notifier.Escalation(new ComplaintNotice(complaint.Id, complaint.Reference, null, null, SupportedLanguages.Default, complaint.ReceivedAtUtc,
                    complaint.NextDueAtUtc ?? complaint.ResponseDueAtUtc, deadlines.Pack.ResponseByAgreement, null, category, complaint.Severity, department),
                    manager, level == OverdueLevel);
            }
            if (complaint.PatientId is { } patientId)
            {
                db.Interactions.Add(new Interaction(patientId, null, complaint.Channel, InteractionKind.Complaint,
                    $"Complaint {complaint.Reference}: escalated ({(level == OverdueLevel ? "overdue" : "due soon")})", now));
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            LogEscalated(candidate.Id, level);
            escalated++;
        }
        return escalated;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Complaint {ComplaintId} escalated (level {Level})")]
    private partial void LogEscalated(int complaintId, int level);
}
