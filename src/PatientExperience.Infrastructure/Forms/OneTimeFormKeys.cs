using System.Transactions;

namespace PatientExperience.Infrastructure.Forms;

/// <summary>
/// The <c>FormSubmissions</c> table: claim a one-time form key, record where its request ended, or give it back. Each call
/// is its own short statement on a fresh context, outside any transaction the caller may have open, so a refused INSERT
/// (which aborts a PostgreSQL transaction) never touches the request's own work, and a claim is visible to other
/// requests at once.
/// </summary>
public sealed class OneTimeFormKeys(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>
    /// Inserts the key for <paramref name="userId"/>. Null: this request holds it now. Otherwise the key was already held and
    /// this is the holder as it stands. The primary key decides between two copies sent at once, never a read first.
    /// </summary>
    public async Task<FormKeyHolder?> ClaimAsync(Guid key, string? userId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var noAmbient = new TransactionScope(TransactionScopeOption.Suppress, TransactionScopeAsyncFlowOption.Enabled);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.FormSubmissions.Add(new FormSubmission(key, userId, time.GetUtcNow().UtcDateTime));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return null;
            }
            catch (DbUpdateException)
            {
                // Refused: the row is there (another copy holds the key), unless that copy gave it back in between or the
                // refusal was something else (a busy SQLite file); then try again, a few times.
                db.ChangeTracker.Clear();
                if (await FindAsync(db, key, cancellationToken) is { } holder)
                    return holder;
                if (attempt == 3)
                    throw;
            }
        }
    }

    /// <summary>The key's holder now, or null when nobody holds it (given back, or never claimed).</summary>
    public async Task<FormKeyHolder?> ReadAsync(Guid key, CancellationToken cancellationToken)
    {
        using var noAmbient = new TransactionScope(TransactionScopeOption.Suppress, TransactionScopeAsyncFlowOption.Enabled);
        await using var scope = scopes.CreateAsyncScope();
        return await FindAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), key, cancellationToken);
    }

    /// <summary>The request that holds the key ended in a redirect to <paramref name="resultUrl"/>: later copies go there.</summary>
    public async Task CompleteAsync(Guid key, string resultUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resultUrl);
        using var noAmbient = new TransactionScope(TransactionScopeOption.Suppress, TransactionScopeAsyncFlowOption.Enabled);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().FormSubmissions.Where(s => s.Key == key)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ResultUrl, resultUrl), cancellationToken);
    }

    /// <summary>The request created nothing (the form came back with a message, or it failed): the key may be sent again.</summary>
    public async Task ReleaseAsync(Guid key, CancellationToken cancellationToken)
    {
        using var noAmbient = new TransactionScope(TransactionScopeOption.Suppress, TransactionScopeAsyncFlowOption.Enabled);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().FormSubmissions.Where(s => s.Key == key && s.ResultUrl == null)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private static Task<FormKeyHolder?> FindAsync(AppDbContext db, Guid key, CancellationToken cancellationToken) =>
        db.FormSubmissions.AsNoTracking().Where(s => s.Key == key)
            .Select(s => new FormKeyHolder(s.UserId, s.ResultUrl)).FirstOrDefaultAsync(cancellationToken);
}
