using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Dashboards;

/// <summary>What the appointment, survey and complaint rollup builders share.</summary>
public static class RollupStore
{
    /// <summary>
    /// Rebuilds from..to a few whole months at a time (from the first day of <paramref name="from"/>'s month), which
    /// keeps memory flat however long the history. Returns the cells the stretches wrote.
    /// </summary>
    public static async Task<int> InStretchesAsync(DateOnly from, DateOnly to, int months, Func<DateOnly, DateOnly, Task<int>> rebuild)
    {
        ArgumentNullException.ThrowIfNull(rebuild);
        var cells = 0;
        for (var start = RollupPlan.PeriodStart(from, RollupGrain.Month); start <= to; start = start.AddMonths(months))
        {
            var end = start.AddMonths(months).AddDays(-1);
            cells += await rebuild(start, end < to ? end : to);
        }
        return cells;
    }

    /// <summary>Saves the new rollup rows and stops tracking them, so a long rebuild does not grow the change tracker.</summary>
    public static async Task SaveAndDetachAsync<T>(IAppDbContext db, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in db.ChangeTracker.Entries<T>().ToList())
            entry.State = EntityState.Detached;
    }
}
