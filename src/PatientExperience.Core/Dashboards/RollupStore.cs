namespace PatientExperience.Core.Dashboards;

/// <summary>What the appointment, survey and complaint rollup builders share.</summary>
public static class RollupStore
{
    /// <summary>
    /// Rebuilds from..to a few whole months at a time (from the first day of <paramref name="from"/>'s month), which
    /// keeps memory flat however long the history. Newest stretch first: the recent figures managers look at come back
    /// first, and a rebuild stopped half-way leaves its oldest days out, which <see cref="NeedsBackfill"/> sees.
    /// Returns the cells the stretches wrote.
    /// </summary>
    /// <param name="pause">
    /// A wait between stretches. Each stretch is one write transaction of a few seconds, and SQLite runs one at a time,
    /// so back to back they can keep everyone else's writes (a booking) waiting past their timeout; the background build
    /// leaves this gap for them.
    /// </param>
    public static async Task<int> InStretchesAsync(DateOnly from, DateOnly to, int months, Func<DateOnly, DateOnly, Task<int>> rebuild,
        TimeSpan pause = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rebuild);
        var first = RollupPlan.PeriodStart(from, RollupGrain.Month);
        var starts = new List<DateOnly>();
        for (var start = first; start <= to; start = start.AddMonths(months))
            starts.Add(start);
        var cells = 0;
        foreach (var start in Enumerable.Reverse(starts))
        {
            if (pause > TimeSpan.Zero && start != starts[^1])
                await Task.Delay(pause, cancellationToken);
            var end = start.AddMonths(months).AddDays(-1);
            cells += await rebuild(start, end < to ? end : to);
        }
        return cells;
    }

    /// <summary>
    /// Whether a rollup table must be built from its sources: there is something to count (the first counted moment is
    /// known) and no day row reaches back to that day. That is an empty table (after a migration that reshapes it, or a
    /// restored database) or a rebuild that stopped before its oldest stretch; live refreshes only touch the days they
    /// change, which are recent, so they do not make a table look built.
    /// </summary>
    public static bool NeedsBackfill(DateTime? firstCountedUtc, DateOnly? oldestDayRow, TimeZoneInfo zone) =>
        firstCountedUtc is { } first && (oldestDayRow is not { } oldest || oldest > ClinicDays.Of(first, zone));

    /// <summary>
    /// Saves the new rollup rows and stops tracking them, so a long rebuild does not grow the change tracker. Rollup rows
    /// are only ever tracked between being added and this call, so with none tracked there is nothing to save (and no
    /// SaveChanges runs, which matters inside a SaveChanges interceptor).
    /// </summary>
    public static async Task SaveAndDetachAsync<T>(IAppDbContext db, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var added = db.Tracked<T>();
        if (added.Count == 0)
            return;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var row in added)
            db.Detach(row);
    }
}

