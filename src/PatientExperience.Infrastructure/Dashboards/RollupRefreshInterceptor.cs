using Microsoft.EntityFrameworkCore.Diagnostics;
using PatientExperience.Core.Dashboards;

namespace PatientExperience.Infrastructure.Dashboards;

/// <summary>
/// Keeps every dashboard rollup table current without the features knowing: before an async save, asks each
/// <see cref="IRollupTable"/> (appointments, surveys, complaints) which of its cells the pending changes touch; once it has
/// saved, has each recompute those cells on the same connection, inside the caller's transaction when there is one (an
/// outcome or a survey answer is then counted exactly when it is committed). The refresh saves rollup rows itself; those
/// nested saves are not collected. Writes past SaveChanges (bulk statements, synchronous saves) are left to
/// <see cref="RollupSweep"/>, which re-derives recent days on a timer, and to a full rebuild.
/// </summary>
/// <remarks>
/// The tables are resolved from the context's own scope on the first save, not injected: they need the context, and the
/// context's options need this interceptor. A context from another scope (none in the app) is not followed.
/// </remarks>
public sealed class RollupRefreshInterceptor(IServiceProvider scope) : SaveChangesInterceptor
{
    private readonly List<(IRollupTable Table, List<object> Cells)> _pending = [];
    private IReadOnlyList<IRollupTable>? _tables;
    private bool _refreshing;

    private IReadOnlyList<IRollupTable>? TablesFor(DbContext context)
    {
        if (!ReferenceEquals(scope.GetRequiredService<AppDbContext>(), context))
            return null;
        return _tables ??= [.. scope.GetServices<IRollupTable>()];
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && !_refreshing && TablesFor(context) is { } tables)
        {
            foreach (var table in tables)
            {
                var cells = new List<object>();
                table.Collect(context.ChangeTracker, cells);
                if (cells.Count > 0)
                    _pending.Add((table, cells));
            }
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_pending.Count > 0 && !_refreshing)
        {
            // Merged per table: a save that a refresh follows may itself have been preceded by several failed ones' notes.
            var work = _pending.GroupBy(p => p.Table).Select(g => (Table: g.Key, Cells: g.SelectMany(p => p.Cells).ToList())).ToList();
            _pending.Clear();
            _refreshing = true;
            try
            {
                foreach (var (table, cells) in work)
                    await table.RefreshAsync(cells, cancellationToken);
            }
            finally
            {
                _refreshing = false;
            }
        }
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_refreshing)
            _pending.Clear();
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    /// <summary>Synchronous saves are not followed (the app saves asynchronously); <see cref="RollupSweep"/> covers them.</summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _pending.Clear();
        return base.SavingChanges(eventData, result);
    }
}
