using PatientExperience.Core.Appointments;

namespace PatientExperience.Core.Staff;

/// <summary>Admin set-up of when clinicians can be booked: weekly hours and days off (their own or the clinic's).</summary>
public sealed class WorkingHoursService(IAppDbContext db, ClinicClock clock)
{
    public const int Grid = TimeCell.CellMinutes;

    public async Task<IReadOnlyList<WorkingHours>> HoursAsync(int staffMemberId, CancellationToken cancellationToken) =>
        (await db.WorkingHours.AsNoTracking().Where(w => w.StaffMemberId == staffMemberId).ToListAsync(cancellationToken))
            .OrderBy(w => ((int)w.Day + 6) % 7).ThenBy(w => w.Start).ToList();

    /// <summary>Replaces the clinician's week. Blank rows are ignored; each filled row must make sense on its own and with the others.</summary>
    public async Task<Result> SaveHoursAsync(int staffMemberId, IReadOnlyList<HoursInterval> intervals, CancellationToken cancellationToken)
    {
        if (!await db.StaffMembers.AnyAsync(s => s.Id == staffMemberId, cancellationToken))
            return Result.NotFound();
        var errors = new List<ValidationError>();
        var kept = new List<(int Index, HoursInterval Interval)>();
        for (var i = 0; i < intervals.Count; i++)
        {
            var row = intervals[i];
            if (row.Start is null && row.End is null)
                continue;
            if (row.Start is null || row.End is null)
                errors.Add(new ValidationError($"Hours[{i}]", "Give both a start and an end time, or leave both empty."));
            else if (row.End <= row.Start)
                errors.Add(new ValidationError($"Hours[{i}]", "The end must be after the start."));
            else if (row.Start.Value.Minute % Grid != 0 || row.End.Value.Minute % Grid != 0)
                errors.Add(new ValidationError($"Hours[{i}]", $"Use times on the {Grid}-minute mark, such as 08:30 or 12:45."));
            else
                kept.Add((i, row));
        }
        foreach (var day in kept.GroupBy(k => k.Interval.Day))
        {
            var ordered = day.OrderBy(k => k.Interval.Start).ToList();
            for (var j = 1; j < ordered.Count; j++)
            {
                if (ordered[j].Interval.Start < ordered[j - 1].Interval.End)
                    errors.Add(new ValidationError($"Hours[{ordered[j].Index}]", "This overlaps another time on the same day."));
            }
        }
        if (errors.Count > 0)
            return Result.Invalid(errors);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.WorkingHours.Where(w => w.StaffMemberId == staffMemberId).ExecuteDeleteAsync(cancellationToken);
        foreach (var (_, interval) in kept)
            db.WorkingHours.Add(new WorkingHours(staffMemberId, interval.Day, interval.Start!.Value, interval.End!.Value));
        // The bulk delete is not seen by the save's interceptor: an emptied week must still reach every instance's searches.
        ReferenceDataStamp.Touch(db.ReferenceDataStamps);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>A clinician's days off, or (no clinician) the group's holidays, or (<paramref name="siteId"/>) a site's own.</summary>
    public async Task<IReadOnlyList<TimeOffRow>> TimeOffAsync(int? staffMemberId, CancellationToken cancellationToken, int? siteId = null) =>
        await db.TimeOff.AsNoTracking()
            .Where(t => t.StaffMemberId == staffMemberId && t.SiteId == siteId && t.To >= clock.Today.AddDays(-30))
            .OrderBy(t => t.From)
            .Select(t => new TimeOffRow(t.Id, t.StaffMemberId, t.From, t.To, t.Reason))
            .ToListAsync(cancellationToken);

    /// <param name="siteId">A holiday of this site only (with no clinician).</param>
    public async Task<Result> AddTimeOffAsync(int? staffMemberId, DateOnly? from, DateOnly? to, string? reason, CancellationToken cancellationToken, int? siteId = null)
    {
        var errors = new List<ValidationError>();
        if (from is null)
            errors.Add(new ValidationError("From", "Enter the first day off."));
        if (to is null)
            errors.Add(new ValidationError("To", "Enter the last day off."));
        if (from is not null && to is not null && to < from)
            errors.Add(new ValidationError("To", "The last day cannot be before the first."));
        if (string.IsNullOrWhiteSpace(reason))
            errors.Add(new ValidationError("Reason", "Say briefly why, for example \"Annual leave\" or \"Thanksgiving\"."));
        else if (reason.Length > SchemaLimits.ShortTextLength)
            errors.Add(new ValidationError("Reason", $"Keep it to {SchemaLimits.ShortTextLength} characters or fewer."));
        if (errors.Count > 0)
            return Result.Invalid(errors);
        if (staffMemberId is not null && !await db.StaffMembers.AnyAsync(s => s.Id == staffMemberId, cancellationToken))
            return Result.NotFound();
        if (siteId is not null && (staffMemberId is not null || !await db.Sites.AnyAsync(s => s.Id == siteId, cancellationToken)))
            return Result.NotFound();
        db.TimeOff.Add(new TimeOff(staffMemberId, from!.Value, to!.Value, reason!, siteId));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>Removes the days off, and tells every instance's slot searches in the same transaction (<see cref="ReferenceDataStamp"/>).</summary>
    public async Task<Result> RemoveTimeOffAsync(int id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (await db.TimeOff.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken) != 1)
            return Result.NotFound();
        ReferenceDataStamp.Touch(db.ReferenceDataStamps);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success();
    }
}
