using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PatientExperience.Core.Common;

namespace PatientExperience.Infrastructure.Dashboards;

/// <summary>
/// What the rollup interceptors share: before an async save, note the rollup cells its changes touch
/// (<see cref="Collect"/>); once it has saved, recompute those cells (<see cref="RefreshAsync"/>) on the same connection,
/// inside the caller's transaction when there is one. The refresh saves rollup rows itself; those nested saves are not
/// collected, and noting only ever adds, so one interceptor's refresh cannot drop cells another has noted for the same
/// save, whichever order they run in.
/// </summary>
public abstract class RollupRefreshInterceptor<TCell> : SaveChangesInterceptor
{
    private readonly List<TCell> _pending = [];
    private bool _refreshing;

    /// <summary>Adds the cells the context's pending changes count in.</summary>
    protected abstract void Collect(DbContext context, List<TCell> cells);

    protected abstract Task RefreshAsync(IAppDbContext db, IReadOnlyCollection<TCell> cells, CancellationToken cancellationToken);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && !_refreshing)
            Collect(context, _pending);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (_pending.Count > 0 && !_refreshing && eventData.Context is IAppDbContext db)
        {
            var cells = _pending.ToList();
            _pending.Clear();
            _refreshing = true;
            try
            {
                await RefreshAsync(db, cells, cancellationToken);
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

    /// <summary>Synchronous saves are not followed (the app saves asynchronously); the periodic rebuild covers them.</summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _pending.Clear();
        return base.SavingChanges(eventData, result);
    }
}
