namespace PatientExperience.Core.Appointments;

/// <summary>The day's flow: check-in at the desk, then the clinician's in room, completed or no-show.</summary>
public sealed partial class VisitFlow(
    IAppDbContext db,
    ClinicClock clock,
    TimeText times,
    IEnumerable<IVisitCompletedHandler> completedHandlers,
    IOptions<BookingOptions> options,
    ILogger<VisitFlow> logger)
{
    public const string TooEarlyForNoShow = "It is too early to mark this visit as did not come: they may still be on their way. You can from {0}.";
    private static readonly System.Text.CompositeFormat TooEarlyForNoShowFormat = System.Text.CompositeFormat.Parse(TooEarlyForNoShow);
    public const string TimeTakenSinceNoShow = "Their time has been given to someone else since, so this cannot be undone. Book them a new time or fit them in.";
    public const string UndoWindowOver = "This can no longer be undone. Book them a new time if they need one.";

    /// <summary>The booking policy: the no-show grace period and undo window.</summary>
    public BookingOptions Policy => options.Value;

    /// <summary>One of today's visits (or any day's), for the "did not come" confirmation; null if not found or not theirs.</summary>
    public async Task<FlowRow?> RowAsync(int appointmentId, int? onlyClinicianId, CancellationToken cancellationToken) =>
        await Rows(db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId && (onlyClinicianId == null || a.ClinicianId == onlyClinicianId)))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<Result> AdvanceAsync(int appointmentId, FlowStep step, int? staffMemberId, int? onlyClinicianId, CancellationToken cancellationToken) =>
        AdvanceAsync(appointmentId, step, staffMemberId, onlyClinicianId, null, cancellationToken);

    /// <summary>
    /// The patient pressed "I'm here" on their check-in link: the same Arrived step as the desk's, marked as from their
    /// phone (the link's checks are <see cref="PhoneCheckIn"/>'s).
    /// </summary>
    public Task<Result> ArriveFromPhoneAsync(int appointmentId, CancellationToken cancellationToken) =>
        AdvanceAsync(appointmentId, FlowStep.Arrived, null, null, null, fromPhone: true, cancellationToken);

    /// <summary>
    /// Moves the visit on one step. The step, its timeline entry, what the completed handlers add and
    /// <paramref name="alsoWrite"/> (a staff member's audit entry) commit in one transaction: all land or none.
    /// </summary>
    public Task<Result> AdvanceAsync(int appointmentId, FlowStep step, int? staffMemberId, int? onlyClinicianId,
        Func<Appointment, CancellationToken, Task>? alsoWrite, CancellationToken cancellationToken) =>
        AdvanceAsync(appointmentId, step, staffMemberId, onlyClinicianId, alsoWrite, fromPhone: false, cancellationToken);

    private async Task<Result> AdvanceAsync(int appointmentId, FlowStep step, int? staffMemberId, int? onlyClinicianId,
        Func<Appointment, CancellationToken, Task>? alsoWrite, bool fromPhone, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsTracking()
            .FirstOrDefaultAsync(a => a.Id == appointmentId && (onlyClinicianId == null || a.ClinicianId == onlyClinicianId), cancellationToken);
        if (appointment is null)
            return Result.NotFound();
        var now = clock.UtcNow;
        var policy = options.Value;
        // Said plainly before anything starts: the entity refuses the same (it throws), but the reason is worth a sentence.
        if (step == FlowStep.NoShow && appointment.Status == AppointmentStatus.Booked && now < Appointment.NoShowAllowedFromUtc(appointment.StartUtc, policy.NoShowGrace))
        {
            var from = times.Time(Appointment.NoShowAllowedFromUtc(appointment.StartUtc, policy.NoShowGrace));
            return Result.Invalid(new ValidationError(string.Empty, string.Format(System.Globalization.CultureInfo.InvariantCulture, TooEarlyForNoShowFormat, from)));
        }
        if (step == FlowStep.UndoNoShow && appointment.Status == AppointmentStatus.NoShow && !Appointment.NoShowMayBeUndone(appointment.NoShowAtUtc, now, policy.NoShowUndo))
            return Result.Conflict(UndoWindowOver);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        try
        {
            await ApplyAsync(appointment, step, staffMemberId, fromPhone, now, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return Result.Conflict("This visit has already moved on. The list is now up to date.");
        }

        if (!await db.TryCommitAsync(transaction, async ct =>
            {
                if (alsoWrite is not null)
                    await alsoWrite(appointment, ct);
                await db.SaveChangesAsync(ct);
            }, cancellationToken))
        {
            // Nothing of the step was kept (the transaction rolled back): say so, and let them press again.
            LogNotSaved(appointment.Id, step);
            if (step == FlowStep.UndoNoShow && await TimeTakenAsync(appointment, cancellationToken))
                return Result.Conflict(TimeTakenSinceNoShow);
            return Result.Conflict("Sorry, we could not finish that. Nothing you entered has been lost. Please try again in a moment.");
        }
        // The dashboard's rollups counted the outcome (or its undoing) in the same transaction: RollupRefreshInterceptor.
        LogAdvanced(appointment.Id, step);
        return Result.Success();
    }

    /// <summary>The step itself on the tracked visit, with its timeline entry; the entity throws when the visit has moved on.</summary>
    private async Task ApplyAsync(Appointment appointment, FlowStep step, int? staffMemberId, bool fromPhone, DateTime now, CancellationToken cancellationToken)
    {
        var policy = options.Value;
        switch (step)
        {
            case FlowStep.Arrived:
                appointment.MarkArrived(now, fromPhone);
                db.Interactions.Add(fromPhone
                    ? new Interaction(appointment.PatientId, null, InteractionChannel.Web, InteractionKind.CheckIn, TimelineSentence.Of("Checked in from their phone"), now)
                    : new Interaction(appointment.PatientId, staffMemberId, InteractionChannel.InPerson, InteractionKind.CheckIn, TimelineSentence.Of("Checked in at reception"), now));
                break;
            case FlowStep.InRoom:
                appointment.MarkInRoom(now);
                break;
            case FlowStep.Completed:
                appointment.Complete(now);
                db.Interactions.Add(new Interaction(appointment.PatientId, appointment.ClinicianId, InteractionChannel.InPerson, InteractionKind.Visit, TimelineSentence.Of("Visit completed"), now));
                foreach (var handler in completedHandlers)
                    await handler.OnCompletedAsync(appointment, cancellationToken);
                break;
            case FlowStep.NoShow:
                appointment.MarkNoShow(now, policy.NoShowGrace);
                await db.ReleaseAppointmentCellsAsync(appointment.Id, cancellationToken);
                db.Interactions.Add(new Interaction(appointment.PatientId, staffMemberId, InteractionChannel.InPerson, InteractionKind.Visit, TimelineSentence.Of("Did not come"), now));
                break;
            case FlowStep.UndoNoShow:
                // The cells' primary key decides: if someone has booked (or a hold took) the freed time, the insert is refused.
                appointment.UndoNoShow(now, policy.NoShowUndo);
                db.TimeCells.AddRange(TimeCell.Of(appointment));
                db.Interactions.Add(new Interaction(appointment.PatientId, staffMemberId, InteractionChannel.InPerson, InteractionKind.CheckIn, TimelineSentence.Of("Came after all: did not come undone"), now));
                break;
        }
    }

    /// <summary>Today's visits (clinic-local day), optionally for one department or clinician.</summary>
    public Task<IReadOnlyList<FlowRow>> TodayAsync(int? departmentId, int? clinicianId, CancellationToken cancellationToken) =>
        TodayAsync(departmentId, clinicianId, null, cancellationToken);

    /// <summary>
    /// Today's visits at one site (<paramref name="site"/>: its "today", in its zone), optionally for one department or
    /// clinician; every site's, in the group's day, when null.
    /// </summary>
    public Task<IReadOnlyList<FlowRow>> TodayAsync(int? departmentId, int? clinicianId, Sites.SiteChoice? site, CancellationToken cancellationToken) =>
        TodayAsync(departmentId, clinicianId, null, cancellationToken, site);

    /// <summary>Today's visits of one patient (the caller screen's check-in).</summary>
    public Task<IReadOnlyList<FlowRow>> TodayForPatientAsync(int patientId, CancellationToken cancellationToken) =>
        TodayAsync(null, null, patientId, cancellationToken);

    private async Task<IReadOnlyList<FlowRow>> TodayAsync(int? departmentId, int? clinicianId, int? patientId, CancellationToken cancellationToken,
        Sites.SiteChoice? site = null)
    {
        var (fromUtc, toUtc) = TodayUtc(clock.For(site?.TimeZone));
        var siteId = site?.Id;
        return await Rows(db.Appointments.AsNoTracking()
            .Where(a => a.StartUtc >= fromUtc && a.StartUtc < toUtc && a.Status != AppointmentStatus.Cancelled
                        && (siteId == null || a.Service!.Department!.SiteId == siteId)
                        && (departmentId == null || a.Service!.DepartmentId == departmentId)
                        && (clinicianId == null || a.ClinicianId == clinicianId)
                        && (patientId == null || a.PatientId == patientId))
            .OrderBy(a => a.StartUtc).ThenBy(a => a.Id))
            .ToListAsync(cancellationToken);
    }

    private IQueryable<FlowRow> Rows(IQueryable<Appointment> appointments) =>
        appointments.Select(a => new FlowRow(a.Id, a.PatientId, a.Patient!.FirstName + " " + a.Patient.LastName, a.Patient.ReferenceNumber, a.StartUtc,
            a.Service!.Name, a.ClinicianId, a.Clinician!.FirstName + " " + a.Clinician.LastName, a.Service.Department!.Name,
            a.Status, a.ArrivedAtUtc, a.SeenAtUtc, a.NoShowAtUtc, a.Patient.FirstName, a.ConfirmedByTextAtUtc, a.ArrivedFromPhone,
            db.LateNotices.Where(n => n.AppointmentId == a.Id).Max(n => (int?)n.LateMinutes),
            db.LateNotices.Where(n => n.AppointmentId == a.Id).Max(n => (DateTime?)n.SentAtUtc), a.EndUtc));

    /// <summary>
    /// A cheap fingerprint of today's flow (visits, their last change, notices sent): the live pages' event stream
    /// compares it every few seconds. It comes from the database, so a change made on any instance shows on all.
    /// </summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        var (fromUtc, toUtc) = TodayUtc();
        var today = db.Appointments.AsNoTracking().Where(a => a.StartUtc >= fromUtc && a.StartUtc < toUtc);
        var visits = await today.GroupBy(a => 1)
            .Select(g => new { Count = g.Count(), Changed = g.Max(a => a.ModifiedAtUtc), Created = g.Max(a => a.CreatedAtUtc) })
            .FirstOrDefaultAsync(cancellationToken);
        var notices = await db.LateNotices.AsNoTracking().CountAsync(n => n.SentAtUtc >= fromUtc, cancellationToken);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{visits?.Count ?? 0}.{visits?.Changed?.Ticks ?? 0}.{visits?.Created.Ticks ?? 0}.{notices}");
    }

    private (DateTime FromUtc, DateTime ToUtc) TodayUtc() => TodayUtc(clock);

    /// <summary>Today's bounds on <paramref name="day"/>'s clock (a site's: its midnight to midnight).</summary>
    private static (DateTime FromUtc, DateTime ToUtc) TodayUtc(ClinicClock day)
    {
        var today = day.Today;
        return (TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(TimeOnly.MinValue), day.Zone),
            TimeZoneInfo.ConvertTimeToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue), day.Zone));
    }

    /// <summary>After a refused undo: whether another appointment or a hold now owns any of the visit's time.</summary>
    private async Task<bool> TimeTakenAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var clinician = TimeCell.ForClinician(appointment.ClinicianId);
        var patient = TimeCell.ForPatient(appointment.PatientId);
        return await db.TimeCells.AsNoTracking().AnyAsync(c =>
            (c.Owner == clinician && c.CellStartUtc >= appointment.BlockStartUtc && c.CellStartUtc < appointment.BlockEndUtc)
            || (c.Owner == patient && c.CellStartUtc >= appointment.StartUtc && c.CellStartUtc < appointment.EndUtc), cancellationToken);
    }

    /// <summary>Minutes a patient has waited so far (or waited in all): from max(arrived, scheduled start) to seen or now.</summary>
    public static int WaitedMinutes(FlowRow row, DateTime nowUtc)
    {
        if (row.ArrivedAtUtc is not { } arrived)
            return 0;
        var from = arrived > row.StartUtc ? arrived : row.StartUtc;
        var to = row.SeenAtUtc ?? nowUtc;
        return (int)Math.Max(0, (to - from).TotalMinutes);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment {AppointmentId} moved to {Step}")]
    private partial void LogAdvanced(int appointmentId, FlowStep step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appointment {AppointmentId} not moved to {Step}: the database refused the change, nothing was kept")]
    private partial void LogNotSaved(int appointmentId, FlowStep step);
}
