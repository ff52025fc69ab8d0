namespace PatientExperience.Core.Patients;

/// <summary>The patient record of the signed-in user, looked up once per request.</summary>
public sealed class CurrentPatient(IAppDbContext db, ICurrentUser user) : SignedInRecord<Patient>(user)
{
    protected override IQueryable<Patient> OfUser(string userId) => db.Patients.Where(p => p.UserId == userId);

    /// <summary>The signed-in user's patient record (not tracked), or none.</summary>
    public async Task<Patient?> RecordAsync(CancellationToken cancellationToken) =>
        await IdAsync(cancellationToken) is { } id
            ? await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            : null;
}
