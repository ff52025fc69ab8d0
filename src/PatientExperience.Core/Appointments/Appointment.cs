using PatientExperience.Core.Departments;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;

namespace PatientExperience.Core.Appointments;

/// <summary>
/// A visit. The rules for changing it live here; the booking service keeps the time cells
/// (which make double booking impossible) in step with it.
/// </summary>
public class Appointment : AuditableEntity
{
    public const int ReasonLength = 500;

    private Appointment() { }

    public Appointment(int patientId, int clinicianId, int serviceId, Slot slot, InteractionChannel bookedVia, TimeSpan reminderLead)
    {
        PatientId = patientId;
        ClinicianId = clinicianId;
        ServiceId = serviceId;
        BookedVia = bookedVia;
        CalendarUid = $"{Guid.NewGuid():N}@patientexperience";
        Status = AppointmentStatus.Booked;
        SetTime(slot, reminderLead);
    }

    public int PatientId { get; private set; }
    public Patient? Patient { get; private set; }
    public int ClinicianId { get; private set; }
    public StaffMember? Clinician { get; private set; }
    public int ServiceId { get; private set; }
    public ClinicService? Service { get; private set; }

    public DateTime StartUtc { get; private set; }
    public DateTime EndUtc { get; private set; }
    /// <summary>The clinician's time taken, buffers included.</summary>
    public DateTime BlockStartUtc { get; private set; }
    public DateTime BlockEndUtc { get; private set; }

    public AppointmentStatus Status { get; private set; }
    public InteractionChannel BookedVia { get; private set; }

    /// <summary>Stable UID of the calendar event; SEQUENCE goes up on every change.</summary>
    public string CalendarUid { get; private set; } = string.Empty;
    public int CalendarSequence { get; private set; }

    public DateTime ReminderDueAtUtc { get; private set; }
    public DateTime? ReminderSentAtUtc { get; private set; }
    /// <summary>When the patient answered the reminder with C (confirm) by text; cleared when the visit moves.</summary>
    public DateTime? ConfirmedByTextAtUtc { get; private set; }
    /// <summary>The reminder went by text (and so invited a reply): the denominator of "reminders confirmed by reply".</summary>
    public bool ReminderTexted { get; private set; }
    /// <summary>When a reply we could not read got the short help text: it is sent once per visit.</summary>
    public DateTime? TextHelpSentAtUtc { get; private set; }

    public DateTime? CancelledAtUtc { get; private set; }
    public string? CancellationReason { get; private set; }
    public DateTime? ArrivedAtUtc { get; private set; }
    public DateTime? SeenAtUtc { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    /// <summary>When the visit was marked "did not come"; the undo window runs from here.</summary>
    public DateTime? NoShowAtUtc { get; private set; }

    /// <summary>SHA-256 of the check-in link's token (<see cref="Common.OneTimeToken"/>); null until the link is sent.</summary>
    public string? CheckInTokenHash { get; private set; }
    /// <summary>When the check-in link was queued: set by the sender's claim, so it goes once.</summary>
    public DateTime? CheckInLinkSentAtUtc { get; private set; }
    /// <summary>The patient said "I'm here" from the link on their phone (not the desk).</summary>
    public bool ArrivedFromPhone { get; private set; }

    public bool IsActive => Status is not (AppointmentStatus.Cancelled or AppointmentStatus.NoShow);

    /// <summary>Minutes waited: seen − max(arrived, scheduled start); null until both are known.</summary>
    public int? WaitMinutes => ArrivedAtUtc is { } arrived && SeenAtUtc is { } seen
        ? (int)Math.Max(0, (seen - (arrived > StartUtc ? arrived : StartUtc)).TotalMinutes)
        : null;

    /// <summary>Whether the patient may still change or cancel it themselves.</summary>
    public bool PatientMayChange(DateTime nowUtc, TimeSpan cutoff) => PatientMayChange(Status, StartUtc, nowUtc, cutoff);

    /// <summary>
    /// The one cut-off rule: a patient may move or cancel a booked visit themselves until <paramref name="cutoff"/>
    /// before it starts (after that they call the clinic). Pages that read rows rather than entities ask here too.
    /// </summary>
    public static bool PatientMayChange(AppointmentStatus status, DateTime startUtc, DateTime nowUtc, TimeSpan cutoff) =>
        status == AppointmentStatus.Booked && startUtc - nowUtc >= cutoff;

    public void Cancel(string reason, DateTime nowUtc)
    {
        if (Status != AppointmentStatus.Booked)
            throw new InvalidOperationException("Only a booked appointment can be cancelled.");
        Status = AppointmentStatus.Cancelled;
        CancelledAtUtc = nowUtc;
        CancellationReason = reason.Length > ReasonLength ? reason[..ReasonLength] : reason;
        CalendarSequence++;
    }

    public void MoveTo(int clinicianId, Slot slot, TimeSpan reminderLead)
    {
        if (Status != AppointmentStatus.Booked)
            throw new InvalidOperationException("Only a booked appointment can be moved.");
        ClinicianId = clinicianId;
        SetTime(slot, reminderLead);
        CalendarSequence++;
        // A new time gets a new check-in link on its day; the old one no longer opens anything.
        CheckInTokenHash = null;
        CheckInLinkSentAtUtc = null;
    }

    public void MarkReminderSent(DateTime nowUtc) => ReminderSentAtUtc = nowUtc;

    public void ConfirmByText(DateTime nowUtc) => ConfirmedByTextAtUtc ??= nowUtc;

    /// <summary>True when the help text may go for this visit: once a day at most (<see cref="Sms.TextHelp"/>).</summary>
    public bool TryMarkTextHelpSent(DateTime nowUtc)
    {
        if (!Sms.TextHelp.MayGo(TextHelpSentAtUtc, nowUtc))
            return false;
        TextHelpSentAtUtc = nowUtc;
        return true;
    }

    public void MarkArrived(DateTime nowUtc, bool fromPhone = false)
    {
        if (Status != AppointmentStatus.Booked)
            throw new InvalidOperationException("Only a booked appointment can be checked in.");
        Status = AppointmentStatus.Arrived;
        ArrivedAtUtc = nowUtc;
        ArrivedFromPhone = fromPhone;
    }

    /// <summary>The check-in link works from this long before the start until the visit's end.</summary>
    public static DateTime CheckInOpensAtUtc(DateTime startUtc, TimeSpan opensBefore) => startUtc - opensBefore;

    public void MarkInRoom(DateTime nowUtc)
    {
        if (Status is not (AppointmentStatus.Arrived or AppointmentStatus.Booked))
            throw new InvalidOperationException("Only a waiting patient can be called in.");
        Status = AppointmentStatus.InRoom;
        ArrivedAtUtc ??= nowUtc;
        SeenAtUtc = nowUtc;
    }

    public void Complete(DateTime nowUtc)
    {
        if (Status is not (AppointmentStatus.InRoom or AppointmentStatus.Arrived))
            throw new InvalidOperationException("Only a patient who came can be marked completed.");
        SeenAtUtc ??= nowUtc;
        Status = AppointmentStatus.Completed;
        CompletedAtUtc = nowUtc;
    }

    /// <summary>The first moment a booked visit may be marked "did not come": its start plus the grace period.</summary>
    public static DateTime NoShowAllowedFromUtc(DateTime startUtc, TimeSpan grace) => startUtc + grace;

    /// <summary>Whether a "did not come" marked at <paramref name="noShowAtUtc"/> may still be undone.</summary>
    public static bool NoShowMayBeUndone(DateTime? noShowAtUtc, DateTime nowUtc, TimeSpan undoWindow) =>
        noShowAtUtc is { } marked && nowUtc <= marked + undoWindow;

    public void MarkNoShow(DateTime nowUtc, TimeSpan grace)
    {
        if (Status != AppointmentStatus.Booked)
            throw new InvalidOperationException("Only a booked appointment can be a no-show.");
        if (nowUtc < NoShowAllowedFromUtc(StartUtc, grace))
            throw new ArgumentOutOfRangeException(nameof(nowUtc), "A visit can be marked as a no-show only after its start and the grace period.");
        Status = AppointmentStatus.NoShow;
        NoShowAtUtc = nowUtc;
    }

    /// <summary>They came after all: the visit is back, arrived now. The caller takes its time cells back.</summary>
    public void UndoNoShow(DateTime nowUtc, TimeSpan undoWindow)
    {
        if (Status != AppointmentStatus.NoShow || !NoShowMayBeUndone(NoShowAtUtc, nowUtc, undoWindow))
            throw new InvalidOperationException("Only a recent no-show can be undone.");
        Status = AppointmentStatus.Arrived;
        ArrivedAtUtc = nowUtc;
        NoShowAtUtc = null;
    }

    private void SetTime(Slot slot, TimeSpan reminderLead)
    {
        StartUtc = slot.StartUtc;
        EndUtc = slot.EndUtc;
        BlockStartUtc = slot.BlockStartUtc;
        BlockEndUtc = slot.BlockEndUtc;
        ReminderDueAtUtc = slot.StartUtc - reminderLead;
        ReminderSentAtUtc = null;
        ReminderTexted = false;
        ConfirmedByTextAtUtc = null;
    }
}
