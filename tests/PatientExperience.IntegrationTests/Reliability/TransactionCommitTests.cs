using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Common;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Interactions;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Reliability;

/// <summary>
/// The one ending of a transaction whose saves the database may refuse (<see cref="TransactionCommit.TryCommitAsync"/>),
/// on the real database: a refused save keeps nothing (not even what an earlier save in the same transaction wrote), the
/// unit of work forgets what it tracked, so a later save cannot write it after all, and a refusal the database cannot
/// explain surfaces as the error it is. A patient would see it as a timeline entry for a booking that never happened.
/// </summary>
public class TransactionCommitTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ARefusedSaveKeepsNothingOfTheTransactionAndForgetsWhatWasTracked()
    {
        var ct = TestContext.Current.CancellationToken;
        var summary = Summary();
        var (committed, stillTracked) = await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IAppDbContext>();
            var taken = await db.ComplaintCategories.Select(c => c.Name).FirstAsync(ct);
            var patientId = await db.Patients.Select(p => p.Id).FirstAsync(ct);
            await using var transaction = await db.BeginTransactionAsync(ct);
            var ok = await db.TryCommitAsync(transaction, async c =>
            {
                db.Interactions.Add(new Interaction(patientId, null, InteractionChannel.Phone, InteractionKind.Call, summary, DateTime.UtcNow));
                await db.SaveChangesAsync(c);
                db.ComplaintCategories.Add(new ComplaintCategory(taken, 99));
                await db.SaveChangesAsync(c);
            }, ct);
            // Nothing left for a later save of the same request to write.
            await db.SaveChangesAsync(ct);
            return (ok, db.Tracked<Interaction>().Count + db.Tracked<ComplaintCategory>().Count);
        });

        Assert.False(committed);
        Assert.Equal(0, stillTracked);
        Assert.Equal(0, await CountAsync(summary, ct));
    }

    [Fact]
    public async Task ARefusalTheDatabaseCannotExplainIsRethrownAndKeepsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var summary = Summary();
        await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IAppDbContext>();
            var taken = await db.ComplaintCategories.Select(c => c.Name).FirstAsync(ct);
            var patientId = await db.Patients.Select(p => p.Id).FirstAsync(ct);
            await using var transaction = await db.BeginTransactionAsync(ct);
            return await db.TryCommitAsync(transaction, async c =>
            {
                db.Interactions.Add(new Interaction(patientId, null, InteractionChannel.Phone, InteractionKind.Call, summary, DateTime.UtcNow));
                db.ComplaintCategories.Add(new ComplaintCategory(taken, 99));
                await db.SaveChangesAsync(c);
            }, ct, refusalExplained: _ => Task.FromResult(false));
        }));

        Assert.Equal(0, await CountAsync(summary, ct));
    }

    [Fact]
    public async Task AnAcceptedSaveIsCommittedWhole()
    {
        var ct = TestContext.Current.CancellationToken;
        var summary = Summary();
        var committed = await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IAppDbContext>();
            var patientId = await db.Patients.Select(p => p.Id).FirstAsync(ct);
            await using var transaction = await db.BeginTransactionAsync(ct);
            return await db.TryCommitAsync(transaction, async c =>
            {
                db.Interactions.Add(new Interaction(patientId, null, InteractionChannel.Phone, InteractionKind.Call, summary, DateTime.UtcNow));
                await db.SaveChangesAsync(c);
                db.Interactions.Add(new Interaction(patientId, null, InteractionChannel.Phone, InteractionKind.Call, summary, DateTime.UtcNow));
                await db.SaveChangesAsync(c);
            }, ct);
        });

        Assert.True(committed);
        Assert.Equal(2, await CountAsync(summary, ct));
    }

    private static string Summary() => "Seam check " + Guid.NewGuid().ToString("N")[..8];

    private Task<int> CountAsync(string summary, CancellationToken ct) =>
        factory.WithDbAsync(db => db.Interactions.CountAsync(i => i.Summary == summary, ct));
}
