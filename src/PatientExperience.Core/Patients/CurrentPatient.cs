using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Patients;

/// <summary>The patient record of the signed-in user, looked up once per request.</summary>
public sealed class CurrentPatient(IAppDbContext db, ICurrentUser user)
{
    private int? _id;
    private bool _loaded;

    public async Task<int?> IdAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
            return _id;
        var userId = user.UserId;
        _id = userId is null ? null : await db.Patients.Where(p => p.UserId == userId).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        _loaded = true;
        return _id;
    }

    /// <summary>The signed-in user's patient record (not tracked), or none.</summary>
    public async Task<Patient?> RecordAsync(CancellationToken cancellationToken) =>
        await IdAsync(cancellationToken) is { } id
            ? await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            : null;
}
