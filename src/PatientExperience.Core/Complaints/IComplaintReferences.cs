namespace PatientExperience.Core.Complaints;

/// <summary>
/// Hands out reference numbers (CMP-2026-000123), unique under concurrency because the database decides: the
/// year's counter row is incremented by an UPDATE that holds its lock until the surrounding transaction ends.
/// Call it inside the transaction that saves the complaint.
/// </summary>
public interface IComplaintReferences
{
    Task<string> NextAsync(int year, CancellationToken cancellationToken);
}
