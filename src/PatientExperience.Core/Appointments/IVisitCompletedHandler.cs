namespace PatientExperience.Core.Appointments;

/// <summary>
/// Told when a visit is completed, inside the same unit of work (so what it adds commits with it).
/// The surveys feature subscribes here to invite the patient.
/// </summary>
public interface IVisitCompletedHandler
{
    Task OnCompletedAsync(Appointment appointment, CancellationToken cancellationToken);
}
