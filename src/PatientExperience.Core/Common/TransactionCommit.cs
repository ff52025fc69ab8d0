using Microsoft.EntityFrameworkCore.Storage;

namespace PatientExperience.Core.Common;

/// <summary>
/// The one way a service finishes a transaction whose saves the database may refuse (a unique key or a primary key
/// decides who was first): it commits, or it rolls back and forgets every tracked change, so nothing of the refused
/// work is kept, or saved later by the same unit of work.
/// </summary>
public static class TransactionCommit
{
    /// <summary>Runs the rest of the work (its saves included) in the open transaction, then commits it.</summary>
    /// <param name="refusalExplained">
    /// Asked after a refusal has been rolled back: does the database now show why (another request got there first)?
    /// When it does not, the refusal is a real error and is rethrown. Without it, every refusal is an answer.
    /// </param>
    /// <returns>True when committed; false when the database refused a save and nothing was kept.</returns>
    public static async Task<bool> TryCommitAsync(this IAppDbContext db, IDbContextTransaction transaction, Func<CancellationToken, Task> rest,
        CancellationToken cancellationToken, Func<CancellationToken, Task<bool>>? refusalExplained = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(rest);
        try
        {
            await rest(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ForgetChanges();
            if (refusalExplained is null || await refusalExplained(cancellationToken))
                return false;
            throw;
        }
    }
}
