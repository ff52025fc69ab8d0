using PatientExperience.Core.Appointments;
using PatientExperience.Core.Patients;

namespace PatientExperience.Core.Sms;

/// <summary>
/// A patient's text to the clinic (from the gateway's inbound endpoint): matched to the patient by their E.164 number and
/// to their next visit that has had its reminder; C confirms it, R asks the desk to call back, X cancels it through the
/// patient's own cancel path (inside the cancellation policy; outside it they are told to call), STOP and START turn
/// texts off and on. Every inbound text is a line on the timeline; every answer goes through the outbox.
/// </summary>
public sealed partial class TextReplyService(
    IAppDbContext db,
    Departments.DepartmentQueries departments,
    BookingService booking,
    IAppointmentNotifier notifier,
    PhoneFormat phones,
    ClinicClock clock,
    ILogger<TextReplyService> logger)
{
    public const string ReceivedLine = "Text message received: {0}";
    public const string StoppedLine = "Texts turned off by a text reply ({0})";
    public const string StartedLine = "Texts turned on again by a text reply ({0})";
    public const string ConfirmedLine = "Confirmed {0} on {1} by text";
    public const string CallBackLine = "Asked by text to be called back about {0} on {1}";
    public const string CancelReason = "Cancelled by text reply";
    public const int StoredTextLength = 160;

    public async Task<InboundTextOutcome> ReceiveAsync(string from, string? text, CancellationToken cancellationToken)
    {
        var e164 = phones.ToE164(from);
        if (e164 is null)
            return InboundTextOutcome.UnknownSender;
        var now = clock.UtcNow;
        var digits = ValidationExtensions.PhoneDigits(e164);
        var patientIds = await db.Patients.Where(p => p.PhoneDigits == digits && p.Phone == e164).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        if (patientIds.Count == 0)
        {
            LogUnknownSender();
            return InboundTextOutcome.UnknownSender;
        }
        // The next visit with a reminder out, of whoever shares this number (a parent answering for a child).
        var visit = await db.Appointments.AsTracking()
            .Where(a => patientIds.Contains(a.PatientId) && a.Status == AppointmentStatus.Booked && a.ReminderSentAtUtc != null && a.StartUtc > now)
            .OrderBy(a => a.StartUtc).ThenBy(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var patient = await db.Patients.AsTracking().FirstAsync(p => p.Id == (visit != null ? visit.PatientId : patientIds[0]), cancellationToken);
        // The visit's site: the answer gives its time in that site's zone and that site's phone.
        var place = visit is null ? null : await PlaceAsync(visit, cancellationToken);
        var words = (text ?? string.Empty).Trim();
        if (words.Length > StoredTextLength)
            words = words[..StoredTextLength];
        db.Interactions.Add(new Interaction(patient.Id, null, InteractionChannel.Text, InteractionKind.Message, TimelineSentence.Fitting(ReceivedLine, words), now));

        var keyword = TextKeywords.Parse(text);
        var outcome = keyword switch
        {
            TextKeyword.Stop => Stop(patient, words, now),
            TextKeyword.Start => Start(patient, words, now),
            TextKeyword.Confirm or TextKeyword.Change or TextKeyword.Cancel when visit is null => Answer(patient, e164, TextReply.NoVisit, null, InboundTextOutcome.NoVisit),
            TextKeyword.Confirm => await ConfirmAsync(patient, e164, visit!, place, now, cancellationToken),
            TextKeyword.Change => await CallBackAsync(patient, e164, visit!, place, now, cancellationToken),
            TextKeyword.Cancel => InboundTextOutcome.Cancelled,
            // Help goes once a day at most: per visit, or per patient with no visit waiting (an auto-reply must not start a loop).
            _ => visit?.TryMarkTextHelpSent(now) ?? patient.TryMarkTextHelpSent(now)
                ? Answer(patient, e164, TextReply.Help, visit?.StartUtc, InboundTextOutcome.HelpSent, mayCancel: visit is not null && booking.MayCancelByText(visit), place: place)
                : InboundTextOutcome.Ignored,
        };
        await db.SaveChangesAsync(cancellationToken);
        if (keyword == TextKeyword.Cancel && visit is not null)
            outcome = await CancelAsync(patient, e164, visit, place, cancellationToken);
        LogReceived(keyword, outcome);
        return outcome;
    }

    private InboundTextOutcome Stop(Patient patient, string words, DateTime now)
    {
        var wasOn = patient.TextsStoppedAtUtc is null;
        patient.StopTexts(now);
        db.Interactions.Add(new Interaction(patient.Id, null, InteractionChannel.Text, InteractionKind.Note, TimelineSentence.Of(StoppedLine, words), now));
        // The one text after STOP: that it worked (not repeated for a second STOP).
        return wasOn ? Answer(patient, patient.Phone, TextReply.Stopped, null, InboundTextOutcome.Stopped, evenIfStopped: true) : InboundTextOutcome.Stopped;
    }

    private InboundTextOutcome Start(Patient patient, string words, DateTime now)
    {
        patient.StartTexts();
        db.Interactions.Add(new Interaction(patient.Id, null, InteractionChannel.Text, InteractionKind.Note, TimelineSentence.Of(StartedLine, words), now));
        return Answer(patient, patient.Phone, TextReply.Started, null, InboundTextOutcome.Started);
    }

    private async Task<InboundTextOutcome> ConfirmAsync(Patient patient, string e164, Appointment visit, Departments.VisitPlace? place, DateTime now, CancellationToken cancellationToken)
    {
        visit.ConfirmByText(now);
        var service = await ServiceNameAsync(visit, cancellationToken);
        db.Interactions.Add(new Interaction(patient.Id, null, InteractionChannel.Text, InteractionKind.AppointmentChanged,
            TimelineSentence.Of(ConfirmedLine, service, TimelineValue.Time(visit.StartUtc)), now));
        return Answer(patient, e164, TextReply.Confirmed, visit.StartUtc, InboundTextOutcome.Confirmed, place: place);
    }

    private async Task<InboundTextOutcome> CallBackAsync(Patient patient, string e164, Appointment visit, Departments.VisitPlace? place, DateTime now, CancellationToken cancellationToken)
    {
        var open = await db.CallBackRequests.AnyAsync(c => c.AppointmentId == visit.Id && c.DoneAtUtc == null, cancellationToken);
        if (!open)
        {
            db.CallBackRequests.Add(new CallBackRequest(patient.Id, visit.Id, now));
            var service = await ServiceNameAsync(visit, cancellationToken);
            db.Interactions.Add(new Interaction(patient.Id, null, InteractionChannel.Text, InteractionKind.Call,
                TimelineSentence.Of(CallBackLine, service, TimelineValue.Time(visit.StartUtc)), now));
        }
        return Answer(patient, e164, TextReply.CallBack, visit.StartUtc, InboundTextOutcome.CallBackRequested, place: place);
    }

    /// <summary>The patient's own cancel (policy, cancellation text and email, waitlist offer); past the cut-off, "please call".</summary>
    private async Task<InboundTextOutcome> CancelAsync(Patient patient, string e164, Appointment visit, Departments.VisitPlace? place, CancellationToken cancellationToken)
    {
        var result = await booking.CancelAsync(visit.Id, patient.Id, CancelReason, staffOverride: false, staffMemberId: null, cancellationToken);
        if (result.IsSuccess)
            return InboundTextOutcome.Cancelled;
        Answer(patient, e164, TextReply.TooLateToCancel, visit.StartUtc, InboundTextOutcome.TooLateToCancel, place: place);
        await db.SaveChangesAsync(cancellationToken);
        return InboundTextOutcome.TooLateToCancel;
    }

    private InboundTextOutcome Answer(Patient patient, string e164, TextReply reply, DateTime? visitStartUtc, InboundTextOutcome outcome,
        bool evenIfStopped = false, bool mayCancel = true, Departments.VisitPlace? place = null)
    {
        if (patient.TextsStoppedAtUtc is null || evenIfStopped)
            notifier.TextReply(new TextReplyNotice(patient.Id, e164, patient.PreferredLanguage, reply, visitStartUtc, mayCancel, place));
        return outcome;
    }

    private async Task<Departments.VisitPlace> PlaceAsync(Appointment visit, CancellationToken cancellationToken)
    {
        var departmentId = await db.ClinicServices.Where(s => s.Id == visit.ServiceId).Select(s => s.DepartmentId).FirstAsync(cancellationToken);
        return await departments.PlaceAsync(departmentId, cancellationToken)
            ?? throw new InvalidOperationException($"Department {departmentId} of service {visit.ServiceId} is missing.");
    }

    private Task<string> ServiceNameAsync(Appointment visit, CancellationToken cancellationToken) =>
        db.ClinicServices.Where(s => s.Id == visit.ServiceId).Select(s => s.Name).FirstAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound text from a number no patient has")]
    private partial void LogUnknownSender();

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound text read as {Keyword}: {Outcome}")]
    private partial void LogReceived(TextKeyword keyword, InboundTextOutcome outcome);
}
