using PatientExperience.Core.Appointments;

namespace PatientExperience.Core.Staff;

/// <summary>Admin set-up of when clinicians can be booked: weekly hours and days off (their own or the clinic's).</summary>
public sealed class WorkingHoursService(IAppDbContext db, ClinicClock clock)
{
    public const int Grid = TimeCell.CellMinutes;

    public async Task<IReadOnlyList<WorkingHours>> HoursAsync(int staffMemberId, CancellationToken cancellationToken) =>
        (await db.WorkingHours.AsNoTracking().Where(w => w.StaffMemberId == staffMemberId).ToListAsync(cancellationToken))
            .OrderBy(w => ((int)w.Day + 6) % 7).ThenBy(w => w.Start).ToList();

    /// <summary>The sites where the clinician works on <paramref name="day"/> (hours with no place: their own department's), each once.</summary>
    public async Task<IReadOnlyList<int>> SitesWorkedAsync(int staffMemberId, DayOfWeek day, CancellationToken cancellationToken) =>
        [.. (await SlotSetupCache.HoursWhereWorked(db.WorkingHours.AsNoTracking().Where(w => w.StaffMemberId == staffMemberId && w.Day == day),
                db.StaffMembers.AsNoTracking(), db.Departments.AsNoTracking()).ToListAsync(cancellationToken))
            .Select(h => h.SiteId).Distinct()];

    /// <summary>Where <paramref name="staffMemberId"/>'s hours can be worked (<see cref="HoursPlaces"/>).</summary>
    public async Task<HoursPlaces> PlacesAsync(int staffMemberId, CancellationToken cancellationToken)
    {
        var own = await db.StaffMembers.AsNoTracking().Where(s => s.Id == staffMemberId)
            .Select(s => new { s.DepartmentId, Site = s.Department!.Site!.Name }).FirstOrDefaultAsync(cancellationToken);
        var ownId = own?.DepartmentId;
        var others = await db.Departments.AsNoTracking()
            .Where(d => d.IsActive && d.Site!.IsActive && d.Id != ownId)
            .OrderBy(d => d.Site!.Name).ThenBy(d => d.Name)
            .Select(d => new NamedChoice(d.Id, d.Name + " — " + d.Site!.Name)).ToListAsync(cancellationToken);
        var shown = await db.Sites.CountAsync(s => s.IsActive, cancellationToken) >= 2;
        return new HoursPlaces(shown, own?.Site ?? "", others);
    }

    /// <summary>
    /// Replaces the clinician's week. Blank rows are ignored; each filled row must make sense on its own and with the
    /// others: a person is in one place at a time, so two intervals of a day may not overlap wherever they are worked.
    /// </summary>
    public async Task<Result> SaveHoursAsync(int staffMemberId, IReadOnlyList<HoursInterval> intervals, CancellationToken cancellationToken)
    {
        var ownDepartment = await db.StaffMembers.Where(s => s.Id == staffMemberId).Select(s => new { s.DepartmentId }).FirstOrDefaultAsync(cancellationToken);
        if (ownDepartment is null)
            return Result.NotFound();
        var places = (await PlacesAsync(staffMemberId, cancellationToken)).Others.Select(p => p.Id).ToHashSet();
        var errors = new List<ValidationError>();
        var kept = new List<(int Index, HoursInterval Interval)>();
        for (var i = 0; i < intervals.Count; i++)
        {
            var row = intervals[i] with { DepartmentId = intervals[i].DepartmentId == ownDepartment.DepartmentId ? null : intervals[i].DepartmentId };
            if (row.Start is null && row.End is null)
                continue;
            if (RowError(row, places) is { } error)
                errors.Add(new ValidationError($"Hours[{i}]", error));
            else
                kept.Add((i, row));
        }
        errors.AddRange(Overlaps(kept));
        if (errors.Count > 0)
            return Result.Invalid(errors);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.WorkingHours.Where(w => w.StaffMemberId == staffMemberId).ExecuteDeleteAsync(cancellationToken);
        foreach (var (_, interval) in kept)
            db.WorkingHours.Add(new WorkingHours(staffMemberId, interval.Day, interval.Start!.Value, interval.End!.Value, interval.DepartmentId));
        // The bulk delete is not seen by the save's interceptor: an emptied week must still reach every instance's searches.
        ReferenceDataStamp.Touch(db.ReferenceDataStamps);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>What is wrong with one filled row on its own, or null. <paramref name="places"/>: the other departments it may be worked in.</summary>
    private static string? RowError(HoursInterval row, HashSet<int> places) =>
        row.Start is null || row.End is null ? "Give both a start and an end time, or leave both empty."
        : row.End <= row.Start ? "The end must be after the start."
        : row.Start.Value.Minute % Grid != 0 || row.End.Value.Minute % Grid != 0 ? $"Use times on the {Grid}-minute mark, such as 08:30 or 12:45."
        : !Enum.IsDefined(row.Day) ? "Choose a day of the week."
        : row.DepartmentId is { } place && !places.Contains(place) ? "Choose a place from the list."
        : null;

    /// <summary>An error on each interval that starts before an earlier one of the same day ends, at whichever site either is worked.</summary>
    private static IEnumerable<ValidationError> Overlaps(IReadOnlyList<(int Index, HoursInterval Interval)> kept)
    {
        foreach (var day in kept.GroupBy(k => k.Interval.Day))
        {
            var ordered = day.OrderBy(k => k.Interval.Start).ToList();
            for (var j = 1; j < ordered.Count; j++)
            {
                if (ordered[j].Interval.Start < ordered[j - 1].Interval.End)
                    yield return new ValidationError($"Hours[{ordered[j].Index}]", ordered[j].Interval.DepartmentId == ordered[j - 1].Interval.DepartmentId
                        ? "This overlaps another time on the same day."
                        : "This overlaps another time on the same day at another place: a person can be in one place at a time.");
            }
        }
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
