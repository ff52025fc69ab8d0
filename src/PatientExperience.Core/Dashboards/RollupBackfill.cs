using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Builds rollups that are missing or half-built (the first start after a migration that reshapes them, a restored
/// database, a stop in the middle of a rebuild) in the background, so the portal serves from its first second: booking
/// never waits for the dashboard. Until the build ends, the dashboard says its figures are incomplete.
/// Which tables need it is decided before the portal serves (<see cref="PlanAsync"/>), so a live refresh of today's rows
/// cannot make a table look built. While it runs, live refreshes and the build recompute rows from their sources one
/// transaction at a time, so neither can leave the other's rows wrong.
/// </summary>
public sealed partial class RollupBackfill(IServiceScopeFactory scopes, ILogger<RollupBackfill> logger)
{
    /// <summary>
    /// Between two stretches of the build, a gap for the portal's own writes: without it, a survey dispatch waited out its
    /// 30-second timeout on the 1,000,000-answer database while the build held SQLite's one write lock stretch after stretch.
    /// </summary>
    public static readonly TimeSpan PauseBetweenStretches = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<Type> _planned = [];

    /// <summary>Finishes when every planned table is built (at once when none needed it); faults if the build failed.</summary>
    public Task Completion => _done.Task;

    public RollupBackfillState State => _planned.Count == 0 || _done.Task.IsCompletedSuccessfully ? RollupBackfillState.Done
        : _done.Task.IsCompleted ? RollupBackfillState.Failed : RollupBackfillState.Running;

    /// <summary>Notes which rollup tables must be built; called at start-up, before the portal serves.</summary>
    public async Task PlanAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var planned = new List<Type>();
        foreach (var table in services.GetServices<IRollupTable>())
        {
            if (await table.NeedsBackfillAsync(cancellationToken))
                planned.Add(table.GetType());
        }
        _planned = planned;
        if (planned.Count == 0)
            _done.TrySetResult();
        else
            LogPlanned(logger, string.Join(", ", planned.Select(t => t.Name)));
    }

    /// <summary>Builds the planned tables, newest months first (run by a background service).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_done.Task.IsCompleted)
            return;
        try
        {
            foreach (var type in _planned)
            {
                var started = Stopwatch.GetTimestamp();
                await using var scope = scopes.CreateAsyncScope();
                var table = scope.ServiceProvider.GetServices<IRollupTable>().Single(t => t.GetType() == type);
                var cells = await table.RebuildAllAsync(PauseBetweenStretches, cancellationToken);
                LogBuilt(logger, type.Name, cells, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
            _done.TrySetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the next start sees the oldest days missing and builds again.
            _done.TrySetCanceled(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception);
            _done.TrySetException(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard rollups to build in the background: {Tables}")]
    private static partial void LogPlanned(ILogger logger, string tables);

    [LoggerMessage(Level = LogLevel.Information, Message = "Built {Table} in the background: {Cells} cells in {Seconds:F1} s")]
    private static partial void LogBuilt(ILogger logger, string table, int cells, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the dashboard rollups failed; the next start tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

