using Microsoft.Extensions.DependencyInjection;

namespace PatientExperience.Core.Appointments;

/// <summary>
/// Books, moves and cancels visits. Every change writes the appointment, its time cells, a
/// timeline entry and the email in one transaction; the cells' primary key lets the database,
/// not this code, decide who wins a race for the same minutes. A caller's own writes that belong to the change (a
/// staff member's audit entry) go in through <c>alsoWrite</c>, into that same transaction: both land or neither.
/// </summary>
public sealed partial class BookingService(
    IAppDbContext db,
    Departments.DepartmentQueries departments,
    Availability availability,
    IAppointmentNotifier notifier,
    ClinicClock clock,
    TimeText times,
    PhoneFormat phones,
    IOptions<BookingOptions> options,
    IServiceProvider services,
    RecentFreeTimes recentFreeTimes,
    ILogger<BookingService> logger)
{
    public const int AlternativesShown = 6;

    public Task<BookingResult> BookAsync(BookAppointment request, CancellationToken cancellationToken) =>
        BookAsync(request, null, cancellationToken);

    /// <param name="alsoWrite">Adds what belongs to the booking (the new appointment, with its id) to the same transaction.</param>
    public async Task<BookingResult> BookAsync(BookAppointment request, Func<Appointment, CancellationToken, Task>? alsoWrite, CancellationToken cancellationToken)
    {
        var service = await availability.ServiceAsync(request.ServiceId, cancellationToken);
        if (service is null || !await db.Patients.AnyAsync(p => p.Id == request.PatientId, cancellationToken))
            return new BookingResult(BookingStatus.NotFound);

        var candidates = request.ClinicianId is { } chosen
            ? [chosen]
            : (await availability.CliniciansAsync(request.ServiceId, cancellationToken)).Select(c => c.Id).ToList();
        foreach (var clinicianId in candidates)
        {
            var slot = await availability.FindSlotAsync(request.ServiceId, clinicianId, request.StartUtc, null, request.HoldId, cancellationToken);
            if (slot is null)
                continue;
            if (await PatientBusyAsync(request.PatientId, slot, null, cancellationToken))
                return new BookingResult(BookingStatus.PatientBusy, Message: "You already have an appointment at that time.");

            var appointment = new Appointment(request.PatientId, clinicianId, request.ServiceId, slot, request.Channel, options.Value.ReminderLead);
            // Read before the write transaction, so the time the file is locked is spent writing.
            var notice = await NoticeAsync(appointment, cancellationToken);
            var booked = await TryCommitAsync(async () =>
            {
                db.Appointments.Add(appointment);
                await db.SaveChangesAsync(cancellationToken);
                if (request.HoldId is { } holdId)
                    await TakeUpHoldAsync(holdId, appointment.Id, cancellationToken);
                AddCells(appointment);
                db.Interactions.Add(Line(request.PatientId, request.StaffMemberId, request.Channel, InteractionKind.AppointmentBooked,
                    TimelineSentence.Of(BookedLine, notice.ServiceName, notice.ClinicianName, TimelineValue.Time(appointment.StartUtc))));
                notifier.Booked(notice);
                if (alsoWrite is not null)
                    await alsoWrite(appointment, cancellationToken);
            }, cancellationToken);
            if (booked)
            {
                LogBooked(appointment.Id, clinicianId);
                return new BookingResult(BookingStatus.Booked, appointment.Id);
            }
            // The database refused the write. Whose cells stand in the way says why, in one read: the patient's own
            // (another visit of theirs), the clinician's (someone was faster: try the next clinician), or nobody's
            // (something else failed, and the time is still free).
            switch (await ClashAsync(request.PatientId, clinicianId, slot, cancellationToken))
            {
                case Clash.Patient:
                    return new BookingResult(BookingStatus.PatientBusy, Message: "You already have an appointment at that time.");
                case Clash.None when request.HoldId is null:
                    return NotSaved;
            }
        }

        LogSlotTaken(request.ServiceId);
        return TimeTaken;
    }

    public Task<BookingResult> MoveAsync(int appointmentId, int? patientId, int? clinicianId, DateTime startUtc, bool staffOverride, int? staffMemberId, CancellationToken cancellationToken) =>
        MoveAsync(appointmentId, patientId, clinicianId, startUtc, staffOverride, staffMemberId, null, cancellationToken);

    /// <param name="alsoWrite">Adds what belongs to the move to the same transaction.</param>
    public async Task<BookingResult> MoveAsync(int appointmentId, int? patientId, int? clinicianId, DateTime startUtc, bool staffOverride, int? staffMemberId,
        Func<Appointment, CancellationToken, Task>? alsoWrite, CancellationToken cancellationToken)
    {
        var (appointment, refusal) = await ChangeableAsync(appointmentId, patientId, staffOverride, cancellationToken);
        if (appointment is null)
            return refusal!;

        var targetClinician = clinicianId ?? appointment.ClinicianId;
        var slot = await availability.FindSlotAsync(appointment.ServiceId, targetClinician, startUtc, appointment.Id, cancellationToken);
        if (slot is null)
            return TimeTaken;
        if (await PatientBusyAsync(appointment.PatientId, slot, appointment.Id, cancellationToken))
            return new BookingResult(BookingStatus.PatientBusy, Message: "You already have an appointment at that time.");

        var oldStart = appointment.StartUtc;
        var oldClinician = appointment.ClinicianId;
        var moved = await TryCommitAsync(async () =>
        {
            await db.ReleaseAppointmentCellsAsync(appointment.Id, cancellationToken);
            appointment.MoveTo(targetClinician, slot, options.Value.ReminderLead);
            AddCells(appointment);
            var notice = await NoticeAsync(appointment, cancellationToken);
            db.Interactions.Add(Line(appointment.PatientId, staffMemberId, staffMemberId is null ? InteractionChannel.Web : InteractionChannel.Phone,
                InteractionKind.AppointmentChanged, TimelineSentence.Of(MovedLine, notice.ServiceName, TimelineValue.Time(oldStart), TimelineValue.Time(appointment.StartUtc))));
            notifier.Moved(notice);
            if (alsoWrite is not null)
                await alsoWrite(appointment, cancellationToken);
        }, cancellationToken);
        if (!moved)
            return await availability.FindSlotAsync(appointment.ServiceId, targetClinician, startUtc, appointment.Id, cancellationToken) is not null
                ? NotSaved
                : TimeTaken;
        LogMoved(appointment.Id);
        await SlotFreedAsync(appointment.ServiceId, oldClinician, oldStart, cancellationToken);
        return new BookingResult(BookingStatus.Booked, appointment.Id);
    }

    public Task<BookingResult> CancelAsync(int appointmentId, int? patientId, string? reason, bool staffOverride, int? staffMemberId, CancellationToken cancellationToken) =>
        CancelAsync(appointmentId, patientId, reason, staffOverride, staffMemberId, null, cancellationToken);

    /// <param name="alsoWrite">Adds what belongs to the cancellation to the same transaction.</param>
    public async Task<BookingResult> CancelAsync(int appointmentId, int? patientId, string? reason, bool staffOverride, int? staffMemberId,
        Func<Appointment, CancellationToken, Task>? alsoWrite, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return new BookingResult(BookingStatus.Invalid, Message: "Tell us briefly why you are cancelling.");
        var (appointment, refusal) = await ChangeableAsync(appointmentId, patientId, staffOverride, cancellationToken);
        if (appointment is null)
            return refusal!;

        var cancelled = await TryCommitAsync(async () =>
        {
            await db.ReleaseAppointmentCellsAsync(appointment.Id, cancellationToken);
            appointment.Cancel(reason.Trim(), clock.UtcNow);
            var notice = await NoticeAsync(appointment, cancellationToken);
            db.Interactions.Add(Line(appointment.PatientId, staffMemberId, staffMemberId is null ? InteractionChannel.Web : InteractionChannel.Phone,
                InteractionKind.AppointmentCancelled, TimelineSentence.Of(CancelledLine, notice.ServiceName, TimelineValue.Time(appointment.StartUtc))));
            notifier.Cancelled(notice);
            if (alsoWrite is not null)
                await alsoWrite(appointment, cancellationToken);
        }, cancellationToken);
        if (!cancelled)
            return NotSaved;
        LogCancelled(appointment.Id);
        await SlotFreedAsync(appointment.ServiceId, appointment.ClinicianId, appointment.StartUtc, cancellationToken);
        return new BookingResult(BookingStatus.Booked, appointment.Id);
    }

    /// <summary>
    /// The nearest free times to the one that was lost (never that time itself), soonest first, chosen from times the
    /// refusal page has already found (its own week of times), so a refusal searches no further.
    /// </summary>
    public static IReadOnlyList<OfferedSlot> Nearest(IEnumerable<DaySlots> days, DateTime aroundUtc) =>
        [.. days.SelectMany(d => d.Slots)
            .Where(s => s.StartUtc != aroundUtc)
            .OrderBy(s => Math.Abs((s.StartUtc - aroundUtc).Ticks))
            .Take(AlternativesShown)
            .OrderBy(s => s.StartUtc)];

    public Task<AppointmentNotice> NoticeAsync(Appointment appointment, CancellationToken cancellationToken) =>
        NoticeAsync(appointment, Patients.MessageKind.Visit, cancellationToken);

    /// <param name="kind">Which of the patient's choices decides email or text (reminders may differ).</param>
    public async Task<AppointmentNotice> NoticeAsync(Appointment appointment, Patients.MessageKind kind, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == appointment.PatientId)
            .FirstAsync(cancellationToken);
        var service = await db.ClinicServices.AsNoTracking().Where(s => s.Id == appointment.ServiceId)
            .Select(s => new { s.Name, Department = s.Department!.Name, s.DepartmentId })
            .FirstAsync(cancellationToken);
        var place = await departments.PlaceAsync(service.DepartmentId, cancellationToken)
            ?? throw new InvalidOperationException($"Department {service.DepartmentId} of service {appointment.ServiceId} is missing.");
        var clinician = await db.StaffMembers.AsNoTracking().Where(s => s.Id == appointment.ClinicianId)
            .Select(s => s.FirstName + " " + s.LastName).FirstAsync(cancellationToken);
        var (byEmail, byText) = patient.Channels(kind, phones.CanText(patient.Phone));
        return new AppointmentNotice(appointment, patient.FirstName, patient.Email, byEmail,
            patient.PreferredLanguage, service.Name, clinician, service.Department, place, byText ? patient.Phone : null,
            MayCancelByText(appointment));
    }

    /// <summary>Whether a text offering X (cancel) may go now: cancelling must still be allowed after <see cref="ReplyMargin"/>.
    /// The reminder and the help text for an unreadable reply both ask this.</summary>
    public bool MayCancelByText(Appointment appointment) => appointment.PatientMayChange(clock.UtcNow + ReplyMargin, options.Value.CancelCutoff);

    /// <summary>How long a patient is given to read a reminder and reply X before the cancellation cut-off.</summary>
    public static readonly TimeSpan ReplyMargin = TimeSpan.FromHours(1);

    /// <summary>The appointment if this person may change it now; otherwise why not. Staff may pass the cut-off.</summary>
    private async Task<(Appointment? Appointment, BookingResult? Refusal)> ChangeableAsync(int appointmentId, int? patientId, bool staffOverride, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsTracking().FirstOrDefaultAsync(a => a.Id == appointmentId && (patientId == null || a.PatientId == patientId), cancellationToken);
        if (appointment is null)
            return (null, new BookingResult(BookingStatus.NotFound));
        if (appointment.Status != AppointmentStatus.Booked)
            return (null, new BookingResult(BookingStatus.Invalid, Message: "This appointment can no longer be changed."));
        if (!staffOverride && !appointment.PatientMayChange(clock.UtcNow, options.Value.CancelCutoff))
            return (null, new BookingResult(BookingStatus.PastCutoff));
        return (appointment, null);
    }

    /// <summary>After the change has committed: tell whoever offers freed times (the waitlist).</summary>
    private async Task SlotFreedAsync(int serviceId, int clinicianId, DateTime startUtc, CancellationToken cancellationToken)
    {
        if (startUtc <= clock.UtcNow)
            return;
        foreach (var handler in services.GetServices<ISlotFreedHandler>())
            await handler.OnSlotFreedAsync(serviceId, clinicianId, startUtc, cancellationToken);
    }

    /// <summary>
    /// Ends the waitlist hold inside the booking's transaction: claimed by a conditional UPDATE (a sweep or another
    /// click may have ended it a moment ago), then its cells make way for the appointment's.
    /// </summary>
    private async Task TakeUpHoldAsync(int holdId, int appointmentId, CancellationToken cancellationToken)
    {
        var claimed = await db.WaitlistOffers.Where(o => o.Id == holdId && o.Status == OfferStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Accepted).SetProperty(o => o.AppointmentId, appointmentId), cancellationToken);
        if (claimed != 1)
            throw new HoldEndedException();
        await db.ReleaseHoldCellsAsync(holdId, cancellationToken);
    }

    /// <summary>The hold a booking meant to take up had already ended: nothing of the booking is kept.</summary>
    private sealed class HoldEndedException() : DbUpdateException("The waitlist hold ended before the booking.");

    private async Task<bool> PatientBusyAsync(int patientId, Slot slot, int? ignoreAppointmentId, CancellationToken cancellationToken) =>
        await db.Appointments.AnyAsync(a => a.PatientId == patientId && a.Id != ignoreAppointmentId
            && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow
            && a.StartUtc < slot.EndUtc && slot.StartUtc < a.EndUtc, cancellationToken);

    private void AddCells(Appointment appointment) => db.TimeCells.AddRange(TimeCell.Of(appointment));

    /// <summary>Someone else got the time first, or it is no longer offered: the page shows the nearest free times (<see cref="Nearest"/>).</summary>
    private static readonly BookingResult TimeTaken =
        new(BookingStatus.SlotTaken, Message: "Sorry, that time was just taken. Here are the nearest free times.");

    /// <summary>
    /// A change the database refused although the time is still free (a failing audit entry, say): nothing was changed,
    /// and saying the time was taken would be untrue.
    /// </summary>
    private static readonly BookingResult NotSaved =
        new(BookingStatus.NotSaved, Message: "Sorry, we could not finish that. Nothing you entered has been lost. Please try again in a moment.");

    /// <summary>
    /// Runs the change in one transaction; a unique-key clash means someone else was faster. No savepoints: a refused
    /// change is rolled back whole, so the saves inside it need no points to roll back to.
    /// </summary>
    private async Task<bool> TryCommitAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        using var noSavepoints = db.WithoutSavepoints();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (!await db.TryCommitAsync(transaction, async ct =>
            {
                await change();
                await db.SaveChangesAsync(ct);
            }, cancellationToken))
            return false;
        recentFreeTimes.Changed();
        return true;
    }

    private enum Clash
    {
        None,
        Patient,
        Clinician,
    }

    /// <summary>Who holds cells in the slot's time now (after a refused booking): one read along the cells' primary key.</summary>
    private async Task<Clash> ClashAsync(int patientId, int clinicianId, Slot slot, CancellationToken cancellationToken)
    {
        var patient = TimeCell.ForPatient(patientId);
        var clinician = TimeCell.ForClinician(clinicianId);
        var cell = TimeSpan.FromMinutes(TimeCell.CellMinutes);
        DateTime FirstCell(DateTime t) => new(t.Ticks - t.Ticks % cell.Ticks, DateTimeKind.Utc);
        var (visitFrom, blockFrom) = (FirstCell(slot.StartUtc), FirstCell(slot.BlockStartUtc));
        var owners = await db.TimeCells.AsNoTracking()
            .Where(c => (c.Owner == patient && c.CellStartUtc >= visitFrom && c.CellStartUtc < slot.EndUtc)
                        || (c.Owner == clinician && c.CellStartUtc >= blockFrom && c.CellStartUtc < slot.BlockEndUtc))
            .Select(c => c.Owner).Distinct().ToListAsync(cancellationToken);
        return owners.Contains(patient) ? Clash.Patient : owners.Contains(clinician) ? Clash.Clinician : Clash.None;
    }

    /// <summary>Timeline lines (translation keys; see <see cref="TimelineSentence"/>).</summary>
    public const string BookedLine = "Booked {0} with {1} for {2}";
    public const string MovedLine = "Moved {0} from {1} to {2}";
    public const string CancelledLine = "Cancelled {0} on {1}";

    private Interaction Line(int patientId, int? staffMemberId, InteractionChannel channel, InteractionKind kind, TimelineSentence sentence) =>
        new(patientId, staffMemberId, channel, kind, sentence, sentence.InEnglish(times), clock.UtcNow);

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment {AppointmentId} booked with clinician {ClinicianId}")]
    private partial void LogBooked(int appointmentId, int clinicianId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking for service {ServiceId} lost its slot")]
    private partial void LogSlotTaken(int serviceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment {AppointmentId} moved")]
    private partial void LogMoved(int appointmentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment {AppointmentId} cancelled")]
    private partial void LogCancelled(int appointmentId);
}
