namespace PatientExperience.Core.Appointments;

/// <summary>
/// The front desk's call-back tasks: patients who answered a reminder with R ("change") by text
/// (<see cref="Sms.TextReplyService"/> makes them). Open ones are listed at a site's desk until someone marks them done.
/// </summary>
public sealed class CallBacks(IAppDbContext db, ClinicClock clock)
{
    /// <summary>
    /// The oldest open tasks first, at most <paramref name="take"/>: the site's (a task about a visit there), or every
    /// site's for null. A task about no visit shows at every site.
    /// </summary>
    public async Task<IReadOnlyList<CallBackRow>> OpenAsync(int? siteId, int take, CancellationToken cancellationToken) =>
        await db.CallBackRequests.AsNoTracking()
            .Where(c => c.DoneAtUtc == null && (siteId == null || c.Appointment == null || c.Appointment.Service!.Department!.SiteId == siteId))
            .OrderBy(c => c.RequestedAtUtc).Take(take)
            .Select(c => new CallBackRow(c.Id, c.PatientId, c.Patient!.FirstName + " " + c.Patient.LastName, c.Patient.ReferenceNumber, c.Patient.Phone,
                c.RequestedAtUtc, c.Appointment != null ? c.Appointment.StartUtc : null, c.Appointment != null ? c.Appointment.Service!.Department!.Site!.TimeZone : null))
            .ToListAsync(cancellationToken);

    /// <summary>The patient was called: the task leaves the list. False when there is no such task.</summary>
    public async Task<bool> MarkDoneAsync(int id, int? staffMemberId, CancellationToken cancellationToken)
    {
        var request = await db.CallBackRequests.AsTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (request is null)
            return false;
        request.MarkDone(staffMemberId, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
