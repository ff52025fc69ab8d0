namespace PatientExperience.Core.Appointments;

/// <summary>
/// Sends each due reminder exactly once. A reminder is claimed by a conditional UPDATE in the same
/// transaction that queues its email, so a second app instance (or a restart) finds it taken; a moved
/// appointment has its claim cleared and gets a fresh reminder for the new time; a cancelled one none.
/// </summary>
public sealed partial class ReminderProcessor(
    IAppDbContext db,
    BookingService booking,
    IAppointmentNotifier notifier,
    ClinicClock clock,
    ILogger<ReminderProcessor> logger) : IPeriodicJob
{
    public const int BatchSize = 50;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var due = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Booked && a.ReminderSentAtUtc == null && a.ReminderDueAtUtc <= now && a.StartUtc > now)
            .OrderBy(a => a.ReminderDueAtUtc)
            .Select(a => new { a.Id, a.StartUtc })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var candidate in due)
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Appointments
                .Where(a => a.Id == candidate.Id && a.ReminderSentAtUtc == null && a.Status == AppointmentStatus.Booked && a.StartUtc == candidate.StartUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReminderSentAtUtc, now), cancellationToken);
            if (claimed != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }
            var appointment = await db.Appointments.AsNoTracking().FirstAsync(a => a.Id == candidate.Id, cancellationToken);
            var notice = await booking.NoticeAsync(appointment, Patients.MessageKind.Reminder, cancellationToken);
            notifier.Reminder(notice);
            if (notice.TextTo is not null)
            {
                // It invites a reply: the denominator of the dashboard's "reminders confirmed by reply".
                await db.Appointments.Where(a => a.Id == candidate.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReminderTexted, true), cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ForgetChanges();
            LogReminded(candidate.Id);
            sent++;
        }
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder queued for appointment {AppointmentId}")]
    private partial void LogReminded(int appointmentId);
}
