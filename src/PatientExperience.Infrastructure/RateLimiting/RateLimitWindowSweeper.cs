namespace PatientExperience.Infrastructure.RateLimiting;

/// <summary>Deletes rate-limit windows that began more than <see cref="RateLimitSweepSchedule.KeepFor"/> ago (they hold client addresses).</summary>
public sealed class RateLimitWindowSweeper(AppDbContext db, RateLimitSweepSchedule schedule, TimeProvider time) : IPeriodicJob
{
    public Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - schedule.KeepFor;
        return db.RateLimitWindows.Where(w => w.WindowStartUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}

