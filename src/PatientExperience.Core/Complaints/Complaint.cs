using PatientExperience.Core.Departments;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;

namespace PatientExperience.Core.Complaints;

/// <summary>
/// A complaint (or a service-recovery follow-up) the clinic owns until it is answered and closed.
/// Status moves follow <see cref="ComplaintWorkflow"/>; every change adds an entry to <see cref="Events"/>.
/// Deadlines are stored (so queues are plain queries) and recomputed by <see cref="ComplaintDeadlines"/> on every move.
/// </summary>
public class Complaint : AuditableEntity
{
    private readonly List<ComplaintEvent> _events = [];

    private Complaint() { }

    public Complaint(
        string reference, ComplaintKind kind, int? patientId, string? complainantName, string? complainantEmail, string? complainantPhone,
        InteractionChannel channel, int categoryId, ComplaintSeverity severity, string whatHappened, string? outcomeWanted,
        int? appointmentId, int? departmentId, int? concernedStaffMemberId, int? ownerId, DateTime receivedAtUtc, int? byStaffMemberId,
        ComplaintDeadlines deadlines)
    {
        Reference = reference;
        Kind = kind;
        PatientId = patientId;
        ComplainantName = Clean(complainantName);
        ComplainantEmail = Clean(complainantEmail);
        ComplainantPhone = Clean(complainantPhone);
        Channel = channel;
        CategoryId = categoryId;
        Severity = severity;
        WhatHappened = whatHappened.Trim();
        OutcomeWanted = Clean(outcomeWanted);
        AppointmentId = appointmentId;
        DepartmentId = departmentId;
        ConcernedStaffMemberId = concernedStaffMemberId;
        OwnerId = ownerId;
        ReceivedAtUtc = receivedAtUtc;
        Status = ComplaintStatus.New;
        AcknowledgeDueAtUtc = deadlines.AcknowledgeDueUtc(receivedAtUtc);
        Recompute(deadlines);
        AddEvent(ComplaintEventKind.Received, ComplaintVisibility.Complainant, receivedAtUtc, byStaffMemberId, null, ComplaintStatus.New);
    }

    public string Reference { get; private set; } = string.Empty;
    public ComplaintKind Kind { get; private set; }
    public int? PatientId { get; private set; }
    public Patient? Patient { get; private set; }
    /// <summary>For someone without a patient record (or acting for one): a name and a way to reach them.</summary>
    public string? ComplainantName { get; private set; }
    public string? ComplainantEmail { get; private set; }
    public string? ComplainantPhone { get; private set; }
    /// <summary>Where letters about this complaint go (several lines), typed by staff; null when none is known.</summary>
    public string? PostalAddress { get; private set; }

    public const int PostalAddressLength = 400;

    /// <summary>Saves (or, empty, clears) the postal address letters go to: at most six lines.</summary>
    public Result SetPostalAddress(string? address)
    {
        var lines = (address ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var text = string.Join("\n", lines);
        if (text.Length > PostalAddressLength)
            return Result.Invalid(new ValidationError("PostalAddress", $"Keep the address to {PostalAddressLength} characters or fewer."));
        if (lines.Count > 6)
            return Result.Invalid(new ValidationError("PostalAddress", "Keep the address to six lines or fewer."));
        PostalAddress = text.Length == 0 ? null : text;
        return Result.Success();
    }

    public InteractionChannel Channel { get; private set; }
    public int CategoryId { get; private set; }
    public ComplaintCategory? Category { get; private set; }
    public ComplaintSeverity Severity { get; private set; }
    public string WhatHappened { get; private set; } = string.Empty;
    public string? OutcomeWanted { get; private set; }
    public int? AppointmentId { get; private set; }
    public int? DepartmentId { get; private set; }
    public Department? Department { get; private set; }
    public int? ConcernedStaffMemberId { get; private set; }
    public StaffMember? ConcernedStaffMember { get; private set; }
    public int? OwnerId { get; private set; }
    public StaffMember? Owner { get; private set; }
    public ComplaintStatus Status { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }
    public DateTime AcknowledgeDueAtUtc { get; private set; }
    public DateTime? AcknowledgedAtUtc { get; private set; }
    public DateTime ResponseDueAtUtc { get; private set; }
    /// <summary>NHS England: the response date agreed with the complainant (clinic calendar date).</summary>
    public DateOnly? AgreedResponseDate { get; private set; }
    public DateTime? PausedAtUtc { get; private set; }
    /// <summary>Days (in the response clock's unit) the clock has stood paused so far.</summary>
    public int PausedDays { get; private set; }
    /// <summary>The deadline that matters now (acknowledgement, then response); none while paused or finished.</summary>
    public DateTime? NextDueAtUtc { get; private set; }
    public DateTime? DueSoonAtUtc { get; private set; }
    /// <summary>0 not escalated for the current deadline, 1 escalated as due soon, 2 escalated as overdue.</summary>
    public int EscalationLevel { get; private set; }
    public DateTime? EscalatedAtUtc { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public bool ResolvedAtFirstContact { get; private set; }

    public string? ResponseLookedInto { get; private set; }
    public string? ResponseFound { get; private set; }
    public string? ResponseWillChange { get; private set; }
    public string? ResponseContactName { get; private set; }
    public string? ResponseTakeItFurther { get; private set; }
    public DateTime? ResponseSentAtUtc { get; private set; }

    /// <summary>Service recovery: the survey response that opened the case (at most one case per response).</summary>
    public int? SurveyResponseId { get; private set; }
    /// <summary>Service recovery: whether the patient said we may contact them.</summary>
    public bool? MayContact { get; private set; }
    public string? RecoveryTriggers { get; private set; }
    /// <summary>What was done in the end, in a line (service recovery and first-contact resolutions).</summary>
    public string? Outcome { get; private set; }

    public IReadOnlyList<ComplaintEvent> Events => _events;

    public bool IsOpen => ComplaintWorkflow.IsOpen(Status);
    public bool HasWrittenResponse => ResponseSentAtUtc is not null;

    public static Complaint ServiceRecovery(
        string reference, int patientId, int? appointmentId, int? departmentId, int? clinicianId, int? ownerId, int categoryId,
        int? surveyResponseId, bool mayContact, string triggers, DateTime receivedAtUtc, ComplaintDeadlines deadlines)
    {
        var complaint = new Complaint(reference, ComplaintKind.ServiceRecovery, patientId, null, null, null, InteractionChannel.Web, categoryId,
            ComplaintSeverity.Medium, "A low score in a patient survey: follow up with the patient.", null, appointmentId, departmentId, clinicianId,
            ownerId, receivedAtUtc, null, deadlines)
        {
            SurveyResponseId = surveyResponseId,
            MayContact = mayContact,
            RecoveryTriggers = triggers,
        };
        complaint.Recompute(deadlines);
        return complaint;
    }

    public void Assign(int ownerId, int? byStaffMemberId, string ownerName, DateTime nowUtc)
    {
        OwnerId = ownerId;
        AddEvent(ComplaintEventKind.Assigned, ComplaintVisibility.Staff, nowUtc, byStaffMemberId, $"Owner: {ownerName}", null);
    }

    public Result Acknowledge(int? byStaffMemberId, DateTime nowUtc, ComplaintDeadlines deadlines)
    {
        if (!ComplaintWorkflow.CanMove(Status, ComplaintStatus.Acknowledged))
            return Refuse(ComplaintStatus.Acknowledged);
        AcknowledgedAtUtc = nowUtc;
        Move(ComplaintStatus.Acknowledged, byStaffMemberId, nowUtc, deadlines);
        AddEvent(ComplaintEventKind.AcknowledgementSent, ComplaintVisibility.Complainant, nowUtc, byStaffMemberId, null, null);
        return Result.Success();
    }

    public Result StartInvestigating(int? byStaffMemberId, DateTime nowUtc, ComplaintDeadlines deadlines)
    {
        if (Status == ComplaintStatus.AwaitingPatient)
            return Resume(byStaffMemberId, nowUtc, deadlines);
        if (Status is ComplaintStatus.Resolved or ComplaintStatus.Closed)
            return Result.Invalid(new ValidationError(string.Empty, "Use Reopen for a resolved or closed complaint."));
        if (!ComplaintWorkflow.CanMove(Status, ComplaintStatus.Investigating))
            return Refuse(ComplaintStatus.Investigating);
        Move(ComplaintStatus.Investigating, byStaffMemberId, nowUtc, deadlines);
        return Result.Success();
    }

    /// <summary>Waiting for the complainant: the response clock stops until they answer or staff resume.</summary>
    public Result AwaitPatient(int? byStaffMemberId, DateTime nowUtc, ComplaintDeadlines deadlines)
    {
        if (!ComplaintWorkflow.CanMove(Status, ComplaintStatus.AwaitingPatient))
            return Refuse(ComplaintStatus.AwaitingPatient);
        PausedAtUtc = nowUtc;
        Move(ComplaintStatus.AwaitingPatient, byStaffMemberId, nowUtc, deadlines);
        return Result.Success();
    }

    public Result Resume(int? byStaffMemberId, DateTime nowUtc, ComplaintDeadlines deadlines)
    {
        if (Status != ComplaintStatus.AwaitingPatient)
            return Refuse(ComplaintStatus.Investigating);
        PausedDays += deadlines.PausedDays(PausedAtUtc ?? nowUtc, nowUtc);
        PausedAtUtc = null;
        Move(ComplaintStatus.Investigating, byStaffMemberId, nowUtc, deadlines);
        return Result.Success();
    }

    /// <summary>Sends the written response: refused while any required part is missing.</summary>
    public Result Respond(WrittenResponse response, int? byStaffMemberId, DateTime nowUtc, ComplaintDeadlines deadlines)
    {
        if (Status == ComplaintStatus.AwaitingPatient)
            return Result.Invalid(new ValidationError(string.Empty, "Resume the complaint before sending the written response: it is waiting for the complainant."));
        if (!ComplaintWorkflow.CanMove(Status, ComplaintStatus.Resolved))
            return Refuse(ComplaintStatus.Resolved);
        var missing = response.Missing();
        if (missing.Count > 0)
            return Result.Invalid(missing);
        ResponseLookedInto = response.LookedInto!.Trim();
        ResponseFound = response.Found!.Trim();
        ResponseWillChange = response.WillChange!.Trim();
        ResponseContactName = response.ContactName!.Trim();
        ResponseTakeItFurther = response.TakeItFurther!.Trim();
        ResponseSentAtUtc = nowUtc;
        ResolvedAtUtc = nowUtc;
        Move(ComplaintStatus.Resolved, byStaffMemberId, nowUtc, deadlines);
        AddEvent(ComplaintEventKind.ResponseSent, ComplaintVisibility.Complainant, nowUtc, byStaffMemberId, null, null);
        return Result.Success();
    }

    /// <summary>Front desk: a low-severity complaint settled on the spot with an apology. Still recorded and counted.</summary>
    public Result ResolveAtFirstContact(string? apology, int? byStaffMemberId, DateTime nowUtc, ComplaintDeadlines deadlines)
    {
        if (Severity != ComplaintSeverity.Low)
            return Result.Invalid(new ValidationError("Apology", "Only low-severity complaints can be resolved at first contact."));
        if (Status != ComplaintStatus.New)
            return Result.Invalid(new ValidationError("Apology", "Only a new complaint can be resolved at first contact."));
        if (string.IsNullOrWhiteSpace(apology))
            return Result.Invalid(new ValidationError("Apology", "Write the apology or what was done to put it right."));
        if (apology.Trim().Length > SchemaLimits.DescriptionLength)
            return Result.Invalid(new ValidationError("Apology", $"Keep the note under {SchemaLimits.DescriptionLength} characters."));
        ResolvedAtFirstContact = true;
        Outcome = apology.Trim();
        AcknowledgedAtUtc = nowUtc;
        ResolvedAtUtc = nowUtc;
        Move(ComplaintStatus.Resolved, byStaffMemberId, nowUtc, deadlines);
        AddEvent(ComplaintEventKind.ResolvedAtFirstContact, ComplaintVisibility.Complainant, nowUtc, byStaffMemberId, Outcome, null);
        return Result.Success();
    }

    /// <summary>Service recovery: records what was done; this resolves the case.</summary>
    public Result RecordOutcome(string? outcome, int? byStaffMemberId, DateTime nowUtc, ComplaintDeadlines deadlines)
    {
        if (Kind != ComplaintKind.ServiceRecovery)
            return Result.Invalid(new ValidationError("Outcome", "A complaint is resolved by its written response."));
        if (string.IsNullOrWhiteSpace(outcome))
            return Result.Invalid(new ValidationError("Outcome", "Say what was done for the patient."));
        if (outcome.Trim().Length > SchemaLimits.DescriptionLength)
            return Result.Invalid(new ValidationError("Outcome", $"Keep the outcome under {SchemaLimits.DescriptionLength} characters."));
        if (Status is ComplaintStatus.Resolved or ComplaintStatus.Closed)
            return Result.Invalid(new ValidationError("Outcome", "This case is already resolved."));
        Outcome = outcome.Trim();
        AcknowledgedAtUtc ??= nowUtc;
        ResolvedAtUtc = nowUtc;
        PausedAtUtc = null;
        Move(ComplaintStatus.Resolved, byStaffMemberId, nowUtc, deadlines);
        AddEvent(ComplaintEventKind.OutcomeRecorded, ComplaintVisibility.Staff, nowUtc, byStaffMemberId, Outcome, null);
        return Result.Success();
    }

    /// <summary>Closing needs an answer first: a written response, a first-contact resolution or a recovery outcome.</summary>
    public Result Close(int? byStaffMemberId, DateTime nowUtc, ComplaintDeadlines deadlines)
    {
        if (Status != ComplaintStatus.Resolved)
        {
            return Result.Invalid(new ValidationError(string.Empty, Status == ComplaintStatus.Closed
                ? "This complaint is already closed."
                : "Send the written response before closing the complaint."));
        }
        ClosedAtUtc = nowUtc;
        Move(ComplaintStatus.Closed, byStaffMemberId, nowUtc, deadlines);
        return Result.Success();
    }

    /// <summary>Back to investigating, within <paramref name="reopenDays"/> calendar days of the resolution.</summary>
    public Result Reopen(string? reason, int reopenDays, int? byStaffMemberId, DateTime nowUtc, ComplaintDeadlines deadlines)
    {
        if (Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed))
            return Result.Invalid(new ValidationError(string.Empty, "Only a resolved or closed complaint can be reopened."));
        if (ResolvedAtUtc is { } resolved && nowUtc > resolved.AddDays(reopenDays))
            return Result.Invalid(new ValidationError(string.Empty, $"It is more than {reopenDays} days since this was resolved: log a new complaint instead."));
        if (string.IsNullOrWhiteSpace(reason))
            return Result.Invalid(new ValidationError("Reason", "Say why it is being reopened."));
        if (reason.Trim().Length > SchemaLimits.DescriptionLength)
            return Result.Invalid(new ValidationError("Reason", $"Keep the reason under {SchemaLimits.DescriptionLength} characters."));
        ClosedAtUtc = null;
        ResolvedAtUtc = null;
        ResponseSentAtUtc = null;
        // A reopened complaint gets a fresh response clock from today.
        ReceivedForClockUtc = nowUtc;
        PausedDays = 0;
        AgreedResponseDate = null;
        Move(ComplaintStatus.Investigating, byStaffMemberId, nowUtc, deadlines);
        AddEvent(ComplaintEventKind.Reopened, ComplaintVisibility.Complainant, nowUtc, byStaffMemberId, reason.Trim(), null);
        return Result.Success();
    }

    /// <summary>NHS England: the response date agreed with the complainant.</summary>
    public Result AgreeDeadline(DateOnly? date, DateOnly today, int? byStaffMemberId, DateTime nowUtc, ComplaintDeadlines deadlines)
    {
        if (!deadlines.Pack.ResponseByAgreement)
            return Result.Invalid(new ValidationError("AgreedDate", "The policy in use sets the response deadline; it is not agreed case by case."));
        if (date is not { } d)
            return Result.Invalid(new ValidationError("AgreedDate", "Enter the date agreed with the complainant."));
        if (d < today)
            return Result.Invalid(new ValidationError("AgreedDate", "The agreed date cannot be in the past."));
        if (!IsOpen)
            return Result.Invalid(new ValidationError("AgreedDate", "This complaint is already answered."));
        AgreedResponseDate = d;
        Recompute(deadlines);
        AddEvent(ComplaintEventKind.DeadlineAgreed, ComplaintVisibility.Complainant, nowUtc, byStaffMemberId, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null);
        return Result.Success();
    }

    public Result AddNote(string? text, bool toComplainant, int? byStaffMemberId, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Result.Invalid(new ValidationError("Text", toComplainant ? "Write the message." : "Write the note."));
        if (text.Trim().Length > SchemaLimits.DescriptionLength * 2)
            return Result.Invalid(new ValidationError("Text", $"Keep it under {SchemaLimits.DescriptionLength * 2} characters."));
        AddEvent(toComplainant ? ComplaintEventKind.MessageToComplainant : ComplaintEventKind.InternalNote,
            toComplainant ? ComplaintVisibility.Complainant : ComplaintVisibility.Staff, nowUtc, byStaffMemberId, text.Trim(), null);
        return Result.Success();
    }

    public Result AddPatientMessage(string? text, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Result.Invalid(new ValidationError("Text", "Write your message."));
        if (text.Trim().Length > SchemaLimits.DescriptionLength * 2)
            return Result.Invalid(new ValidationError("Text", $"Keep it under {SchemaLimits.DescriptionLength * 2} characters."));
        if (Status == ComplaintStatus.Closed)
            return Result.Invalid(new ValidationError("Text", "This complaint is closed. Call us if you want it looked at again."));
        AddEvent(ComplaintEventKind.MessageFromComplainant, ComplaintVisibility.Complainant, nowUtc, null, text.Trim(), null);
        return Result.Success();
    }

    /// <summary>Records an escalation (the claim itself is an atomic UPDATE in the job).</summary>
    public void RecordEscalation(int level, int? toStaffMemberId, string toName, DateTime nowUtc)
    {
        EscalationLevel = level;
        EscalatedAtUtc = nowUtc;
        AddEvent(ComplaintEventKind.Escalated, ComplaintVisibility.Staff, nowUtc, null,
            $"{(level >= 2 ? "Overdue" : "Due soon")}: escalated to {toName}", null, toStaffMemberId);
    }

    /// <summary>The instant the response clock counts from: receipt, or the reopening.</summary>
    public DateTime? ReceivedForClockUtc { get; private set; }

    public void Recompute(ComplaintDeadlines deadlines)
    {
        var clockStart = ReceivedForClockUtc ?? ReceivedAtUtc;
        ResponseDueAtUtc = Kind == ComplaintKind.ServiceRecovery
            ? deadlines.FollowUpDueUtc(clockStart, PausedDays)
            : deadlines.ResponseDueUtc(clockStart, PausedDays, AgreedResponseDate);
        DateTime? next = Status switch
        {
            ComplaintStatus.New => Kind == ComplaintKind.ServiceRecovery ? ResponseDueAtUtc : AcknowledgeDueAtUtc,
            ComplaintStatus.Acknowledged or ComplaintStatus.Investigating => ResponseDueAtUtc,
            _ => null,
        };
        if (next != NextDueAtUtc)
            EscalationLevel = 0;
        NextDueAtUtc = next;
        DueSoonAtUtc = next is { } n ? deadlines.DueSoonFromUtc(n) : null;
    }

    private void Move(ComplaintStatus to, int? byStaffMemberId, DateTime nowUtc, ComplaintDeadlines deadlines)
    {
        var from = Status;
        Status = to;
        Recompute(deadlines);
        AddEvent(ComplaintEventKind.StatusChanged, ComplaintVisibility.Complainant, nowUtc, byStaffMemberId, $"{from} → {to}", to);
    }

    private Result Refuse(ComplaintStatus to) => Result.Invalid(new ValidationError(string.Empty, to switch
    {
        ComplaintStatus.Closed => "Send the written response before closing the complaint.",
        ComplaintStatus.Resolved when Status == ComplaintStatus.New => "Acknowledge the complaint before answering it.",
        _ => $"A complaint that is {StatusText(Status)} cannot move to {StatusText(to)}.",
    }));

    public static string StatusText(ComplaintStatus status) => status switch
    {
        ComplaintStatus.New => "new",
        ComplaintStatus.Acknowledged => "acknowledged",
        ComplaintStatus.Investigating => "being investigated",
        ComplaintStatus.AwaitingPatient => "waiting for the complainant",
        ComplaintStatus.Resolved => "resolved",
        ComplaintStatus.Closed => "closed",
        _ => status.ToString(),
    };

    private void AddEvent(ComplaintEventKind kind, ComplaintVisibility visibility, DateTime atUtc, int? staffMemberId, string? text, ComplaintStatus? toStatus, int? toStaffMemberId = null) =>
        _events.Add(new ComplaintEvent(kind, visibility, atUtc, staffMemberId, text, toStatus, toStaffMemberId));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

