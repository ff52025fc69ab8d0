namespace PatientExperience.Core.Dashboards;

/// <summary>
/// The periodic safety net behind the refresh on each save: re-derives yesterday's and today's rows of every rollup table
/// (appointments, surveys, complaints), so anything a failed refresh or a write past the save interceptor (a bulk
/// statement, a synchronous save) left out is right within one round. Job "RollupSweep".
/// </summary>
public sealed class RollupSweep(IEnumerable<IRollupTable> tables, ClinicClock clock) : IPeriodicJob
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var rows = 0;
        foreach (var table in tables)
            rows += await table.RebuildAsync(clock.Today.AddDays(-1), clock.Today, cancellationToken);
        return rows;
    }
}
