namespace PatientExperience.Core.Complaints;

/// <summary>
/// Tells the department's manager about complaints that are due soon or overdue: once per stage of each
/// deadline, not every round, and in one digest per manager per round rather than one email per complaint (after a
/// restart or a stop there may be dozens). Each stage is claimed by a conditional UPDATE in the transaction that
/// records it and queues the digests, so a second instance (or a restart) finds it taken; a new deadline (after
/// acknowledging, resuming or reopening) starts unescalated again.
/// </summary>
public sealed partial class ComplaintEscalator(
    IAppDbContext db,
    ComplaintPolicy policy,
    IComplaintStaffDirectory directory,
    IComplaintNotifier notifier,
    ClinicClock clock,
    ILogger<ComplaintEscalator> logger) : IPeriodicJob
{
    /// <summary>Complaints escalated per round (one transaction); the rest wait for the next round and its digest.</summary>
    public const int BatchSize = 200;
    public const int DueSoonLevel = 1;
    public const int OverdueLevel = 2;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var due = await DueAsync(now, cancellationToken);
        if (due.Count == 0)
            return 0;

        var managers = new Dictionary<int, StaffContact?>();
        var categories = new Dictionary<int, string>();
        var departments = new Dictionary<int, string?>();
        var digests = new Dictionary<int, (StaffContact Manager, List<EscalatedComplaint> Complaints)>();
        var escalated = new List<(int Id, int Level)>();

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        foreach (var candidate in due)
        {
            var level = candidate.NextDueAtUtc <= now ? OverdueLevel : DueSoonLevel;
            var claimed = await db.Complaints
                .Where(c => c.Id == candidate.Id && c.EscalationLevel < level && c.NextDueAtUtc == candidate.NextDueAtUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.EscalationLevel, level).SetProperty(c => c.EscalatedAtUtc, now), cancellationToken);
            if (claimed != 1)
                continue;
            var complaint = await db.Complaints.AsTracking().FirstAsync(c => c.Id == candidate.Id, cancellationToken);
            var deadlines = await policy.DeadlinesForAsync(complaint.DepartmentId, complaint.AppointmentId, cancellationToken);
            var departmentKey = complaint.DepartmentId ?? 0;
            if (!managers.TryGetValue(departmentKey, out var manager))
                managers[departmentKey] = manager = await directory.DepartmentManagerAsync(complaint.DepartmentId, cancellationToken);
            complaint.RecordEscalation(level, manager?.Id, manager?.Name ?? "no manager set up", now);
            if (manager is not null)
            {
                var notice = await DigestNoticeAsync(complaint, deadlines, categories, departments, cancellationToken);
                if (!digests.TryGetValue(manager.Id, out var digest))
                    digests[manager.Id] = digest = (manager, []);
                digest.Complaints.Add(new EscalatedComplaint(notice, level == OverdueLevel));
            }
            if (complaint.PatientId is { } patientId)
            {
                db.Interactions.Add(new Interaction(patientId, null, complaint.Channel, InteractionKind.Complaint,
                    $"Complaint {complaint.Reference}: escalated ({(level == OverdueLevel ? "overdue" : "due soon")})", now));
            }
            escalated.Add((complaint.Id, level));
        }
        if (escalated.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }
        foreach (var (manager, complaints) in digests.Values)
            notifier.EscalationDigest(manager, complaints);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ForgetChanges();
        foreach (var (id, level) in escalated)
            LogEscalated(id, level);
        LogDigests(digests.Count, escalated.Count);
        return escalated.Count;
    }

    private sealed record DueComplaint(int Id, DateTime? NextDueAtUtc);

    /// <summary>The next batch of complaints that have reached a stage (due soon, overdue) not yet escalated.</summary>
    private Task<List<DueComplaint>> DueAsync(DateTime now, CancellationToken cancellationToken) =>
        db.Complaints.AsNoTracking()
            .Where(c => c.NextDueAtUtc != null
                && ((c.NextDueAtUtc <= now && c.EscalationLevel < OverdueLevel) || (c.DueSoonAtUtc <= now && c.EscalationLevel < DueSoonLevel)))
            .OrderBy(c => c.NextDueAtUtc).ThenBy(c => c.Id)
            .Select(c => new DueComplaint(c.Id, c.NextDueAtUtc))
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

    /// <summary>The complaint as the manager's digest lists it; category and department names are read once per round.</summary>
    private async Task<ComplaintNotice> DigestNoticeAsync(Complaint complaint, ComplaintDeadlines deadlines, Dictionary<int, string> categories,
        Dictionary<int, string?> departments, CancellationToken cancellationToken)
    {
        var departmentKey = complaint.DepartmentId ?? 0;
        if (!categories.TryGetValue(complaint.CategoryId, out var category))
            categories[complaint.CategoryId] = category = await db.ComplaintCategories.Where(c => c.Id == complaint.CategoryId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        if (!departments.TryGetValue(departmentKey, out var department))
            departments[departmentKey] = department = complaint.DepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
        return new ComplaintNotice(complaint.Id, complaint.Reference, null, null, SupportedLanguages.Default, complaint.ReceivedAtUtc,
            complaint.NextDueAtUtc ?? complaint.ResponseDueAtUtc, deadlines.Pack.ResponseByAgreement, null, category, complaint.Severity, department)
        {
            TimeZone = deadlines.Calendar.Zone.Id,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Complaint {ComplaintId} escalated (level {Level})")]
    private partial void LogEscalated(int complaintId, int level);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Digests} escalation digests queued for {Complaints} complaints")]
    private partial void LogDigests(int digests, int complaints);
}
