using Microsoft.EntityFrameworkCore.Diagnostics;
using PatientExperience.Core.Appointments;

namespace PatientExperience.Infrastructure.Data;

/// <summary>
/// Before a save that adds, changes or removes slot set-up (<see cref="ReferenceDataStamp.IsSlotSetup"/>), gives the
/// stamp row a new version, so it is written in the same transaction as the change: every instance's next slot search
/// sees the new version with its busy rows and reads the set-up again (<see cref="SlotSetupCache"/>).
/// </summary>
public sealed class ReferenceDataStampInterceptor : SaveChangesInterceptor
{
    public static readonly ReferenceDataStampInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is null)
            return;
        if (context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                                                     && ReferenceDataStamp.IsSlotSetup(e.Metadata.ClrType)))
            ReferenceDataStamp.Touch(context.Set<ReferenceDataStamp>());
    }
}
