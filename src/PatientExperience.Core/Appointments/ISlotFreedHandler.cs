namespace PatientExperience.Core.Appointments;

/// <summary>Told after a change that frees a clinician's time has committed.</summary>
public interface ISlotFreedHandler
{
    Task OnSlotFreedAsync(int serviceId, int clinicianId, DateTime startUtc, CancellationToken cancellationToken);
}
