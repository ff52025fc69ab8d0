using PatientExperience.Core.Complaints;

namespace PatientExperience.Core.Surveys;

/// <summary>
/// Praise from survey comments: found when an answer is stored (<see cref="OfferAsync"/>, on the caller's unit of
/// work), offered to the praised person's department manager, passed on or not by them, and shown to the person on
/// their home page. No patient is ever named to the staff member.
/// </summary>
public sealed class PraiseService(IAppDbContext db, ICurrentUser user, ClinicClock clock, IComplaintStaffDirectory directory)
{
    /// <summary>What a staff member sees: the praise passed on to them in the last year, newest first.</summary>
    public const int ShownDays = 365;

    /// <summary>Adds a <see cref="Praise"/> for each member of staff the comment speaks well of (no save).</summary>
    public async Task OfferAsync(SurveyResponse response, int? visitClinicianId, string? comment, string? language, CommentAnalyzer analyzer,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(comment))
            return;
        var staff = await db.StaffMembers.AsNoTracking()
            .Where(s => s.IsActive && (s.DepartmentId == response.DepartmentId || s.Id == visitClinicianId))
            .Select(s => new PraiseCandidate(s.Id, s.FirstName, s.LastName, s.Id == visitClinicianId))
            .ToListAsync(cancellationToken);
        var matches = PraiseFinder.Find(comment, CommentLanguage.Detect(comment, language), staff, analyzer);
        if (matches.Count == 0)
            return;
        var manager = await directory.DepartmentManagerAsync(response.DepartmentId, cancellationToken);
        foreach (var match in matches)
            db.Praise.Add(new Praise(response, match.StaffMemberId, manager?.Id == match.StaffMemberId ? null : manager?.Id, match.Excerpt));
    }

    /// <summary>Praise waiting for the signed-in manager (offered to them, or to no one in particular); an admin sees all.</summary>
    public async Task<IReadOnlyList<PraiseOffer>> OffersAsync(bool everyone, CancellationToken cancellationToken)
    {
        var me = await MyStaffIdAsync(cancellationToken);
        return await db.Praise.AsNoTracking()
            .Where(p => p.Status == PraiseStatus.Offered && (everyone || p.OfferedToStaffId == null || p.OfferedToStaffId == me))
            .OrderBy(p => p.ReceivedAtUtc).ThenBy(p => p.Id)
            .Select(p => new PraiseOffer(p.Id,
                db.StaffMembers.Where(s => s.Id == p.StaffMemberId).Select(s => s.FirstName + " " + s.LastName).First(),
                db.StaffMembers.Where(s => s.Id == p.StaffMemberId).Select(s => s.JobTitle).First(),
                db.Departments.Where(d => d.Id == p.DepartmentId).Select(d => d.Name).FirstOrDefault() ?? string.Empty,
                p.ReceivedAtUtc, p.Excerpt))
            .Take(200)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Passes praise on, or not. Twice (a double click, two managers) is harmless: the first decision stands.</summary>
    public async Task<Result> DecideAsync(int id, bool passOn, bool everyone, CancellationToken cancellationToken)
    {
        var me = await MyStaffIdAsync(cancellationToken);
        if (!await db.Praise.AnyAsync(p => p.Id == id && (everyone || p.OfferedToStaffId == null || p.OfferedToStaffId == me), cancellationToken))
            return Result.NotFound();
        var now = clock.UtcNow;
        // Decided by the database: only a row still offered changes.
        var status = passOn ? PraiseStatus.PassedOn : PraiseStatus.NotPassedOn;
        await db.Praise.Where(p => p.Id == id && p.Status == PraiseStatus.Offered)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status).SetProperty(p => p.DecidedAtUtc, now).SetProperty(p => p.DecidedByStaffId, me),
                cancellationToken);
        return Result.Success();
    }

    /// <summary>The praise passed on to the signed-in member of staff.</summary>
    public async Task<IReadOnlyList<PraiseReceived>> MineAsync(CancellationToken cancellationToken)
    {
        var me = await MyStaffIdAsync(cancellationToken);
        if (me is null)
            return [];
        var since = clock.UtcNow.AddDays(-ShownDays);
        return await db.Praise.AsNoTracking()
            .Where(p => p.StaffMemberId == me && p.Status == PraiseStatus.PassedOn && p.ReceivedAtUtc >= since)
            .OrderByDescending(p => p.ReceivedAtUtc)
            .Select(p => new PraiseReceived(p.ReceivedAtUtc, p.Excerpt))
            .Take(20)
            .ToListAsync(cancellationToken);
    }

    private async Task<int?> MyStaffIdAsync(CancellationToken cancellationToken) =>
        user.UserId is { } id ? await db.StaffMembers.Where(s => s.UserId == id).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken) : null;
}
