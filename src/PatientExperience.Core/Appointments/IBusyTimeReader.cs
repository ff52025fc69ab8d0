namespace PatientExperience.Core.Appointments;

/// <summary>
/// The only per-search database read of a slot search: the set-up version, the clinicians' busy blocks and the
/// time held for the waitlist, as one command on the request's own connection (Infrastructure writes its SQL).
/// </summary>
public interface IBusyTimeReader
{
    Task<BusyTimes> ReadAsync(BusyTimeQuery query, CancellationToken cancellationToken);
}
