using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// One dashboard rollup table (appointments, surveys, complaints), kept current one way: the save interceptor asks each
/// table which of its cells a save touches (<see cref="Collect"/>) and has it recompute them once saved
/// (<see cref="RefreshAsync"/>); <see cref="RollupSweep"/> re-derives recent days of every table on a timer; the start-up
/// build fills an empty or half-built table (<see cref="RollupBackfill"/>). <see cref="RollupTable{TRow, TScope}"/> is the one
/// implementation of all of it but the counting.
/// </summary>
public interface IRollupTable
{
    /// <summary>Adds the cells the tracker's pending changes count in (as they were and as they will be) to <paramref name="cells"/>.</summary>
    void Collect(ChangeTracker changes, ICollection<object> cells);

    /// <summary>Recomputes cells <see cref="Collect"/> noted, inside the caller's transaction when there is one.</summary>
    Task RefreshAsync(IReadOnlyCollection<object> cells, CancellationToken cancellationToken);

    /// <summary>Recomputes every row touching the clinic-local days from..to.</summary>
    /// <returns>How many day rows the days have now.</returns>
    Task<int> RebuildAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Whether the table must be built from its sources (<see cref="RollupStore.NeedsBackfill"/>).</summary>
    Task<bool> NeedsBackfillAsync(CancellationToken cancellationToken);

    /// <summary>Empties the table and builds it from its sources, newest stretch first.</summary>
    Task<int> RebuildAllAsync(TimeSpan pauseBetweenStretches, CancellationToken cancellationToken);
}
