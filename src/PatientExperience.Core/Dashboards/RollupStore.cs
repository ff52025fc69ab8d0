using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;

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
        var added = db.ChangeTracker.Entries<T>().ToList();
        if (added.Count == 0)
            return;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in added)
            entry.State = EntityState.Detached;
    }
}

/// <summary>
/// The week and month rows a rebuild of the days From..To recomputes (every week and month that overlaps them), and the
/// day rows they are summed from (every day of those weeks and months).
/// </summary>
public sealed record CoarseSpan(DateOnly From, DateOnly To)
{
    private static readonly RollupGrain[] Grains = [RollupGrain.Week, RollupGrain.Month];

    public DateOnly WeekFrom => RollupPlan.PeriodStart(From, RollupGrain.Week);
    public DateOnly WeekTo => RollupPlan.PeriodStart(To, RollupGrain.Week);
    public DateOnly MonthFrom => RollupPlan.PeriodStart(From, RollupGrain.Month);
    public DateOnly MonthTo => RollupPlan.PeriodStart(To, RollupGrain.Month);
    public DateOnly ReadFrom => WeekFrom < MonthFrom ? WeekFrom : MonthFrom;
    public DateOnly ReadTo => RollupPlan.PeriodEnd(WeekTo, RollupGrain.Week) is var week && RollupPlan.PeriodEnd(MonthTo, RollupGrain.Month) is var month && week > month ? week : month;

    /// <summary>Whether a day is one of the days rebuilt (its all-services day row is recomputed too).</summary>
    public bool Covers(DateOnly day) => day >= From && day <= To;

    /// <summary>
    /// Calls <paramref name="count"/> for every row recomputed here that a per-service day row counts in: the all-services
    /// day row (if its day is rebuilt), and the week and month rows of its service and of all services.
    /// </summary>
    public void CountDayRow(DateOnly day, int serviceId, int allServices, Action<RollupGrain, DateOnly, int> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        if (Covers(day))
            count(RollupGrain.Day, day, allServices);
        foreach (var (grain, start) in PeriodsOf(day))
        {
            count(grain, start, allServices);
            count(grain, start, serviceId);
        }
    }

    /// <summary>The week and month rows (grain, start) recomputed here that a day row counts in.</summary>
    public IEnumerable<(RollupGrain Grain, DateOnly Start)> PeriodsOf(DateOnly day)
    {
        foreach (var grain in Grains)
        {
            var start = RollupPlan.PeriodStart(day, grain);
            if (start >= RollupPlan.PeriodStart(From, grain) && start <= RollupPlan.PeriodStart(To, grain))
                yield return (grain, start);
        }
    }
}

/// <summary>Reads the rows of a <see cref="RollupPlan"/> in one query instead of one per piece.</summary>
public static class RollupQuery
{
    /// <summary>What one piece's condition compares with (read by EF as query parameters).</summary>
    private sealed record PieceValues(RollupGrain Grain, int ServiceId, DateOnly From, DateOnly To);

    /// <summary>
    /// The rows of <paramref name="serviceId"/> (or all services) in any of the pieces: <c>(Grain = g AND ServiceId = s
    /// AND Start BETWEEN f AND t) OR …</c>, each term a range of the rollup tables' key, so the database reads each range
    /// along the key in one statement. Works for every rollup entity (they share Grain, ServiceId and Start).
    /// </summary>
    public static IQueryable<T> InPieces<T>(this IQueryable<T> rows, IReadOnlyList<RollupPiece> pieces, int serviceId)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var row = Expression.Parameter(typeof(T), "r");
        Expression? any = null;
        foreach (var piece in pieces)
        {
            var values = Expression.Constant(new PieceValues(piece.Grain, serviceId, piece.From, piece.To));
            Expression Column(string name) => Expression.Property(row, name);
            Expression Value(string name) => Expression.Property(values, name);
            var term = Expression.AndAlso(
                Expression.AndAlso(
                    Expression.Equal(Column(nameof(PieceValues.Grain)), Value(nameof(PieceValues.Grain))),
                    Expression.Equal(Column(nameof(PieceValues.ServiceId)), Value(nameof(PieceValues.ServiceId)))),
                Expression.AndAlso(
                    Expression.GreaterThanOrEqual(Column("Start"), Value(nameof(PieceValues.From))),
                    Expression.LessThanOrEqual(Column("Start"), Value(nameof(PieceValues.To)))));
            any = any is null ? term : Expression.OrElse(any, term);
        }
        return any is null
            ? rows.Where(_ => false)
            : rows.Where(Expression.Lambda<Func<T, bool>>(any, row));
    }
}
