namespace PatientExperience.Core.Staff;

/// <summary>The staff record of the signed-in user, looked up once per request.</summary>
public sealed class CurrentStaff(IAppDbContext db, ICurrentUser user) : SignedInRecord<StaffMember>(user)
{
    protected override IQueryable<StaffMember> OfUser(string userId) => db.StaffMembers.Where(s => s.UserId == userId);

    /// <summary>The signed-in user's staff record with its department (not tracked), or none.</summary>
    public async Task<StaffMember?> MemberAsync(CancellationToken cancellationToken) =>
        await IdAsync(cancellationToken) is { } id
            ? await db.StaffMembers.AsNoTracking().Include(s => s.Department).FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            : null;
}
