namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Serialises dashboard rollup refreshes (appointments, surveys, complaints) across every instance: held until the current
/// transaction ends, so a refresh reads every source row committed before it and the next refresh sees this one's rows.
/// </summary>
public interface IRollupLock
{
    Task AcquireAsync(IAppDbContext db, CancellationToken cancellationToken);
}
