namespace PatientExperience.Core.Common;

/// <summary>
/// The record of one kind (a patient, a staff member) that belongs to the signed-in user: its id is looked up once per
/// request and kept (scoped). <see cref="Patients.CurrentPatient"/> and <see cref="Staff.CurrentStaff"/> say which records.
/// </summary>
public abstract class SignedInRecord<T>(ICurrentUser user) where T : AuditableEntity
{
    private int? _id;
    private bool _loaded;

    /// <summary>The records of this kind linked to the sign-in <paramref name="userId"/> (at most one).</summary>
    protected abstract IQueryable<T> OfUser(string userId);

    /// <summary>The signed-in user's record id, or none (signed out, or no record of this kind).</summary>
    public async Task<int?> IdAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
            return _id;
        _id = user.UserId is { } userId ? await OfUser(userId).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken) : null;
        _loaded = true;
        return _id;
    }
}
