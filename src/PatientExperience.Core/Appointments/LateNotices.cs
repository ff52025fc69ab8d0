namespace PatientExperience.Core.Appointments;

/// <summary>
/// "Running late" notices. Every round of the job (<c>Jobs:LateNotices</c>) the job estimates, per clinician, when
/// each of today's visits still to come will start (<see cref="Estimate"/>). A patient not yet arrived whose visit is
/// still to come and will start more than <see cref="FlowOptions.LateNoticeMinutes"/> late is told, by text or email as
/// they chose, once per step of that size (16–29 minutes late is step 1 with the default 15, 30–44 step 2, …), only
/// when the step is higher than any they were told before. The notice row's unique key (visit, step) is written in the
/// transaction that queues the message, so a second run or instance never repeats it.
/// </summary>
public sealed partial class LateNotices(
    IAppDbContext db,
    VisitFlow flow,
    BookingService booking,
    IAppointmentNotifier notifier,
    ClinicClock clock,
    IOptions<FlowOptions> options,
    ILogger<LateNotices> logger) : IPeriodicJob
{
    /// <summary>
    /// When each of one clinician's waiting and expected visits should start. The clinician is free from now, or, while a
    /// patient is with them, from when that visit began plus its booked length. Then, in booked order, each visit starts
    /// at its booked time or when the clinician is free, whichever is later, and keeps them for its booked length.
    /// A booked patient whose time has passed and who has not arrived is left out (they hold nobody up).
    /// </summary>
    public static IReadOnlyList<LatenessEstimate> Estimate(IEnumerable<FlowRow> clinicianRows, DateTime nowUtc)
    {
        var rows = clinicianRows.ToList();
        var free = nowUtc;
        foreach (var r in rows.Where(r => r.Status == AppointmentStatus.InRoom && r.SeenAtUtc is not null))
        {
            var busyUntil = r.SeenAtUtc!.Value + (r.EndUtc - r.StartUtc);
            if (busyUntil > free)
                free = busyUntil;
        }
        var estimates = new List<LatenessEstimate>();
        foreach (var r in rows.Where(r => r.Status is AppointmentStatus.Arrived or AppointmentStatus.Booked).OrderBy(r => r.StartUtc).ThenBy(r => r.AppointmentId))
        {
            if (r.Status == AppointmentStatus.Booked && r.StartUtc <= nowUtc)
                continue;
            var begins = r.StartUtc > free ? r.StartUtc : free;
            estimates.Add(new LatenessEstimate(r, begins));
            free = begins + (r.EndUtc - r.StartUtc);
        }
        return estimates;
    }

    /// <summary>The step a delay reaches (0 when it is not more than one step), and the minutes told: rounded to 5.</summary>
    public static (int Step, int ToldMinutes) StepOf(TimeSpan late, int stepMinutes)
    {
        var minutes = late.TotalMinutes;
        if (minutes <= stepMinutes)
            return (0, 0);
        return ((int)(minutes / stepMinutes), (int)Math.Round(minutes / 5, MidpointRounding.AwayFromZero) * 5);
    }

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var stepMinutes = Math.Max(1, options.Value.LateNoticeMinutes);
        var rows = await flow.TodayAsync(null, null, cancellationToken);
        var ids = rows.Select(r => r.AppointmentId).ToList();
        var told = await db.LateNotices.AsNoTracking().Where(n => ids.Contains(n.AppointmentId))
            .GroupBy(n => n.AppointmentId).Select(g => new { g.Key, Step = g.Max(n => n.Step) })
            .ToDictionaryAsync(x => x.Key, x => x.Step, cancellationToken);

        var sent = 0;
        foreach (var clinician in rows.GroupBy(r => r.ClinicianId))
        {
            foreach (var estimate in Estimate(clinician, now))
            {
                var row = estimate.Row;
                if (row.Status != AppointmentStatus.Booked || row.StartUtc <= now)
                    continue;
                var (step, minutes) = StepOf(estimate.Late, stepMinutes);
                if (step == 0 || (told.TryGetValue(row.AppointmentId, out var before) && before >= step))
                    continue;
                if (await TellAsync(row.AppointmentId, step, minutes, now, cancellationToken))
                    sent++;
            }
        }
        return sent;
    }

    private async Task<bool> TellAsync(int appointmentId, int step, int minutes, DateTime now, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().FirstAsync(a => a.Id == appointmentId, cancellationToken);
        var notice = await booking.NoticeAsync(appointment, cancellationToken);
        var byEmail = notice.MayEmail && notice.PatientEmail is not null;
        var byText = notice.TextTo is not null;
        if (!byEmail && !byText)
            return false;
        var expected = appointment.StartUtc.AddMinutes(minutes);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        try
        {
            // Refused: another run or instance told them of this step first; its row won, nothing of ours is kept.
            if (!await db.TryCommitAsync(transaction, ct =>
                {
                    db.LateNotices.Add(new LateNotice(appointmentId, step, minutes, expected, byText, byEmail, now));
                    notifier.RunningLate(notice, minutes, expected);
                    return db.SaveChangesAsync(ct);
                }, cancellationToken))
                return false;
        }
        finally
        {
            db.ForgetChanges();
        }
        LogTold(appointmentId, step, minutes);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment {AppointmentId} told of a delay: step {Step}, about {Minutes} min")]
    private partial void LogTold(int appointmentId, int step, int minutes);
}
