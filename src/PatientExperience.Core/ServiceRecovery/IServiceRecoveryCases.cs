namespace PatientExperience.Core.ServiceRecovery;

/// <summary>
/// The seam between surveys (which detect an unhappy patient) and complaints (which own the
/// follow-up case, of kind "service recovery"). The implementation adds the case to the
/// current unit of work and does not save: the caller's SaveChanges commits the response and
/// its case together. At most one case per response, enforced by a unique index on the
/// response id in the case store.
/// </summary>
public interface IServiceRecoveryCases
{
    Task OpenAsync(ServiceRecoveryRequest request, CancellationToken cancellationToken);
}
