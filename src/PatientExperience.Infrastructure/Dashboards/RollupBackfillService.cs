using Microsoft.Extensions.Hosting;
using PatientExperience.Core.Dashboards;

namespace PatientExperience.Infrastructure.Dashboards;

/// <summary>Runs the rollup build <see cref="RollupBackfill"/> planned at start-up, beside the portal serving.</summary>
public sealed class RollupBackfillService(RollupBackfill backfill) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await backfill.RunAsync(stoppingToken);
    }
}
