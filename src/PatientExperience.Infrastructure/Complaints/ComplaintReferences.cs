using PatientExperience.Core.Complaints;
using PatientExperience.Core.Dashboards;

namespace PatientExperience.Infrastructure.Complaints;

/// <summary>
/// One statement adds one to the year's counter row (creating it at 1): its row lock holds until the surrounding
/// transaction ends, so concurrent intakes queue up and each reads its own number (<see cref="DatabaseDialect"/>).
/// </summary>
/// <remarks>
/// Lock order: the dashboard rollup lock first, then the counter row. A complaint's save refreshes its rollups under the
/// rollup lock, and a low survey answer takes the rollup lock with its first save and then opens a follow-up case that
/// takes a reference: without this order an intake (counter, then rollups) and a survey answer (rollups, then counter)
/// deadlock on a server database. The rollup lock is re-entrant within a transaction.
/// </remarks>
public sealed class ComplaintReferences(AppDbContext db, DatabaseDialect dialect, IRollupLock rollupLock) : IComplaintReferences
{
    public async Task<string> NextAsync(int year, CancellationToken cancellationToken)
    {
        await rollupLock.AcquireAsync(db, cancellationToken);
        return ComplaintReferenceCounter.Format(year, await dialect.NextComplaintNumberAsync(db, year, cancellationToken));
    }
}
