namespace PatientExperience.Core.Patients;

/// <summary>
/// Reads of patients that are not a staff look-up of one record (that is <see cref="PatientDirectory"/>, audited):
/// the patient's own recent timeline and counts. Reads only, no tracking.
/// </summary>
public sealed class PatientQueries(IAppDbContext db)
{
    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Patients.CountAsync(cancellationToken);

    /// <summary>
    /// The patient's own latest timeline lines: only those stored as events, written in their language; what staff
    /// typed (call notes, internal complaint steps) stays on the staff side.
    /// </summary>
    public async Task<IReadOnlyList<TimelineItem>> OwnTimelineAsync(int patientId, int take, CancellationToken cancellationToken) =>
        await db.Interactions.AsNoTracking().Where(i => i.PatientId == patientId && i.Template != null)
            .OrderByDescending(i => i.OccurredAtUtc).Take(take)
            .Select(i => new TimelineItem(i.OccurredAtUtc, i.Channel, i.Kind, i.Summary, null, i.Template, i.Arguments))
            .ToListAsync(cancellationToken);
}
