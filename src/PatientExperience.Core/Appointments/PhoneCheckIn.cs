namespace PatientExperience.Core.Appointments;

/// <summary>
/// Check-in from the patient's phone. On the day, <see cref="RunOnceAsync"/> (a periodic job) sends each booked visit a
/// single-use link when its window opens (<see cref="FlowOptions.CheckInOpensMinutesBefore"/> before the start), claimed
/// with a conditional UPDATE in the transaction that queues the message, so it goes once on any number of instances.
/// The link works until the visit's end; pressing "I'm here" is <see cref="VisitFlow.ArriveFromPhoneAsync"/>.
/// </summary>
public sealed partial class PhoneCheckIn(
    IAppDbContext db,
    BookingService booking,
    IAppointmentNotifier notifier,
    VisitFlow flow,
    ClinicClock clock,
    IOptions<FlowOptions> options,
    ILogger<PhoneCheckIn> logger) : IPeriodicJob
{
    public const int BatchSize = 50;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var opensBefore = options.Value.CheckInOpensBefore;
        var due = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Booked && a.CheckInLinkSentAtUtc == null && a.StartUtc <= now + opensBefore && a.EndUtc > now)
            .OrderBy(a => a.StartUtc)
            .Select(a => new { a.Id, a.StartUtc })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var candidate in due)
        {
            var (token, hash) = OneTimeToken.NewShort();
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Appointments
                .Where(a => a.Id == candidate.Id && a.CheckInLinkSentAtUtc == null && a.Status == AppointmentStatus.Booked && a.StartUtc == candidate.StartUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.CheckInLinkSentAtUtc, now).SetProperty(a => a.CheckInTokenHash, hash), cancellationToken);
            if (claimed != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }
            var appointment = await db.Appointments.AsNoTracking().FirstAsync(a => a.Id == candidate.Id, cancellationToken);
            notifier.CheckInLink(await booking.NoticeAsync(appointment, cancellationToken), token);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ForgetChanges();
            LogLinkSent(candidate.Id);
            sent++;
        }
        return sent;
    }

    /// <summary>The visit behind a link and whether it can check in now; null when no visit has this token.</summary>
    public async Task<CheckInVisit?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!OneTimeToken.LooksValid(token))
            return null;
        var hash = OneTimeToken.Hash(token!);
        var visit = await db.Appointments.AsNoTracking().Where(a => a.CheckInTokenHash == hash)
            .Select(a => new
            {
                a.Id, a.Status, a.StartUtc, a.EndUtc, a.ArrivedAtUtc,
                Clinician = a.Clinician!.FirstName + " " + a.Clinician.LastName,
                Department = a.Service!.Department!.Name,
                a.Patient!.PreferredLanguage,
                a.Service.Department.Site!.TimeZone,
                SitePhone = a.Service.Department.Site.Phone,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (visit is null)
            return null;
        var now = clock.UtcNow;
        var opens = Appointment.CheckInOpensAtUtc(visit.StartUtc, options.Value.CheckInOpensBefore);
        var state = visit.Status switch
        {
            AppointmentStatus.Cancelled => CheckInLinkState.Cancelled,
            AppointmentStatus.Arrived or AppointmentStatus.InRoom or AppointmentStatus.Completed => CheckInLinkState.AlreadyArrived,
            AppointmentStatus.NoShow => CheckInLinkState.Ended,
            _ when now >= visit.EndUtc => CheckInLinkState.Ended,
            _ when now < opens => CheckInLinkState.TooEarly,
            _ => CheckInLinkState.Open,
        };
        return new CheckInVisit(visit.Id, state, visit.StartUtc, opens, visit.Clinician, visit.Department, visit.ArrivedAtUtc, visit.PreferredLanguage,
            visit.TimeZone, visit.SitePhone);
    }

    /// <summary>"I'm here": the visit is arrived now, if the link is open. Returns the visit as it is afterwards.</summary>
    public async Task<CheckInVisit?> CheckInAsync(string? token, CancellationToken cancellationToken)
    {
        var visit = await FindAsync(token, cancellationToken);
        if (visit is not { State: CheckInLinkState.Open })
            return visit;
        await flow.ArriveFromPhoneAsync(visit.AppointmentId, cancellationToken);
        // Whatever happened (a desk check-in at the same moment included), the page says how the visit stands now.
        return await FindAsync(token, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Check-in link queued for appointment {AppointmentId}")]
    private partial void LogLinkSent(int appointmentId);
}
