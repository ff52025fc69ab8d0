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

