using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// The one way a rollup table is kept: every update recomputes whole rows from their sources (never adds deltas), one
/// refresh at a time across instances (<see cref="IRollupLock"/>, taken before the sources are read), inside the
/// caller's transaction when there is one, else in a transaction of its own. Running it twice, late, or beside another
/// refresh therefore converges on the right numbers. A table says only what it counts: which cells a change touches
/// (<see cref="Touched"/>), how to count a range of days (<see cref="RecountAsync"/>), and where its history starts.
/// </summary>
/// <typeparam name="TRow">The rollup entity (every one has a Grain and a Start).</typeparam>
/// <typeparam name="TScope">What narrows a refresh below a whole day: a clinician and service, or a complaint key.</typeparam>
public abstract partial class RollupTable<TRow, TScope>(IAppDbContext db, ClinicClock clock, IRollupLock rollupLock, ILogger logger) : IRollupTable
    where TRow : class
    where TScope : class
{
    /// <summary>A save touching more cells than this refreshes one range of days instead of cell by cell (bulk imports).</summary>
    public const int MaxCellsOneByOne = 20;

    protected IAppDbContext Db => db;

    protected ClinicClock Clock => clock;

    /// <summary>How many months one stretch of a full build counts (one transaction each).</summary>
    protected virtual int MonthsPerStretch => 1;

    /// <summary>The moments and scopes the tracker's pending changes count in, as they were and as they will be.</summary>
    protected abstract IEnumerable<(DateTime AtUtc, TScope Scope)> Touched(ChangeTracker changes);

    /// <summary>
    /// Counts the sources of the days from..to (of one scope, or all when null) into day rows, and re-derives the week
    /// and month rows they count in. Runs under the lock, inside a transaction.
    /// </summary>
    /// <returns>How many day rows the days have now.</returns>
    protected abstract Task<int> RecountAsync(DateOnly from, DateOnly to, TScope? scope, CancellationToken cancellationToken);

    /// <summary>The first moment a source row counts at (null when there is none).</summary>
    protected abstract Task<DateTime?> FirstCountedAsync(CancellationToken cancellationToken);

    /// <summary>The table's rows.</summary>
    protected abstract DbSet<TRow> Rows { get; }

    /// <summary>Saves the rows added since the last call and stops tracking them (<see cref="RollupStore.SaveAndDetachAsync"/>).</summary>
    protected Task SaveAndDetachAsync(CancellationToken cancellationToken) => RollupStore.SaveAndDetachAsync<TRow>(db, cancellationToken);

    public void Collect(ChangeTracker changes, ICollection<object> cells)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(cells);
        foreach (var touched in Touched(changes))
            cells.Add(touched);
    }

    public Task RefreshAsync(IReadOnlyCollection<object> cells, CancellationToken cancellationToken) =>
        RefreshAsync(cells.OfType<(DateTime AtUtc, TScope Scope)>(), cancellationToken);

    /// <summary>Recomputes the cells of these moments and scopes: one by one, or as one range of days when there are many.</summary>
    protected async Task RefreshAsync(IEnumerable<(DateTime AtUtc, TScope Scope)> touched, CancellationToken cancellationToken)
    {
        var cells = touched.Select(c => (Day: ClinicDays.Of(c.AtUtc, clock.Zone), c.Scope)).Distinct().ToList();
        if (cells.Count == 0)
            return;
        if (cells.Count > MaxCellsOneByOne)
        {
            await RebuildAsync(cells.Min(c => c.Day), cells.Max(c => c.Day), null, cancellationToken);
            return;
        }
        foreach (var (day, scope) in cells)
            await RebuildAsync(day, day, scope, cancellationToken);
    }

    public Task<int> RebuildAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) => RebuildAsync(from, to, null, cancellationToken);

    /// <summary>Recomputes every row touching the clinic-local days from..to (optionally of one scope only).</summary>
    public async Task<int> RebuildAsync(DateOnly from, DateOnly to, TScope? scope, CancellationToken cancellationToken)
    {
        var count = await db.InTransactionAsync(ct => LockedRecountAsync(from, to, scope, ct), cancellationToken);
        LogRebuilt(logger, GetType().Name, from, to, count);
        return count;
    }

    private async Task<int> LockedRecountAsync(DateOnly from, DateOnly to, TScope? scope, CancellationToken ct)
    {
        // One refresh at a time across instances, and the sources read after the lock: a refresh then counts every row
        // committed before it, and the next one sees its rows (read committed alone would let two interleave).
        await rollupLock.AcquireAsync(db, ct);
        return await RecountAsync(from, to, scope, ct);
    }

    /// <summary>Everything from the first counted moment to tomorrow (after a bulk load, or to repair).</summary>
    public Task<int> RebuildAllAsync(CancellationToken cancellationToken) => RebuildAllAsync(TimeSpan.Zero, cancellationToken);

    /// <param name="pauseBetweenStretches">Leaves other writers a gap between stretches (<see cref="RollupStore.InStretchesAsync"/>).</param>
    public async Task<int> RebuildAllAsync(TimeSpan pauseBetweenStretches, CancellationToken cancellationToken)
    {
        var first = await FirstCountedAsync(cancellationToken);
        await Rows.ExecuteDeleteAsync(cancellationToken);
        if (first is null)
            return 0;
        var from = ClinicDays.Of(first.Value, clock.Zone);
        var to = clock.Today.AddDays(1);
        return await RollupStore.InStretchesAsync(from, to, MonthsPerStretch, (start, end) => RebuildAsync(start, end, null, cancellationToken),
            pauseBetweenStretches, cancellationToken);
    }

    public async Task<bool> NeedsBackfillAsync(CancellationToken cancellationToken)
    {
        var oldest = await Rows.AsNoTracking().Where(r => EF.Property<RollupGrain>(r, "Grain") == RollupGrain.Day)
            .MinAsync(r => (DateOnly?)EF.Property<DateOnly>(r, "Start"), cancellationToken);
        return RollupStore.NeedsBackfill(await FirstCountedAsync(cancellationToken), oldest, clock.Zone);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Table} rebuilt for {From}..{To}: {Cells} cells")]
    private static partial void LogRebuilt(ILogger logger, string table, DateOnly from, DateOnly to, int cells);
}
