using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Common;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Jobs;

namespace PatientExperience.Infrastructure.Forms;

/// <summary>Deletes one-time form keys claimed more than <see cref="KeepFor"/> ago: a double click is over within seconds.</summary>
public sealed class FormSubmissionSweeper(AppDbContext db, TimeProvider time) : IPeriodicJob
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    public Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - KeepFor;
        return db.FormSubmissions.Where(s => s.CreatedAtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}

public static class OneTimeFormKeyExtensions
{
    /// <summary>The key store and the job that deletes old keys.</summary>
    public static IServiceCollection AddOneTimeFormKeys(this IServiceCollection services)
    {
        services.AddSingleton<OneTimeFormKeys>();
        // Every hour by default, in each instance (a delete of old rows is the same whoever runs it).
        return services.AddPeriodicJob<FormSubmissionSweeper>("FormKeySweep", 3600);
    }
}
