using PatientExperience.Core.Auditing;

namespace PatientExperience.Core.Complaints;

/// <summary>
/// Intake and every move of a complaint. Each change adds a timeline entry, an interaction on the
/// patient's timeline, an audit entry (staff) and any email, all in one SaveChanges.
/// </summary>
public sealed partial class ComplaintService(
    IAppDbContext db,
    ComplaintPolicy policy,
    IComplaintStaffDirectory directory,
    IComplaintNotifier notifier,
    IComplaintReferences references,
    AuditTrail audit,
    ClinicClock clock,
    PhoneFormat phones,
    ILogger<ComplaintService> logger)
{
    public const int MaxWhatHappened = SchemaLimits.DescriptionLength * 2;

    public async Task<Result<ComplaintCreated>> IntakeAsync(ComplaintIntake request, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(request, cancellationToken);
        if (errors.Count > 0)
            return Result<ComplaintCreated>.Invalid(errors);

        var deadlines = await policy.DeadlinesForAsync(request.DepartmentId, request.AppointmentId, cancellationToken);
        var now = clock.UtcNow;
        var severity = request.Severity!.Value;
        var manager = severity >= ComplaintSeverity.High ? await directory.DepartmentManagerAsync(request.DepartmentId, cancellationToken) : null;
        var contact = await ContactAsync(request.PatientId, request.ComplainantName, request.ComplainantEmail, cancellationToken);
        var year = deadlines.Calendar.LocalDate(now).Year;

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var reference = await NextReferenceAsync(year, cancellationToken);
        var complaint = new Complaint(reference, ComplaintKind.Complaint, request.PatientId,
            request.PatientId is null ? request.ComplainantName : null,
            request.PatientId is null ? request.ComplainantEmail : null,
            request.PatientId is null ? request.ComplainantPhone : null,
            request.Channel, request.CategoryId!.Value, severity, request.WhatHappened!, request.OutcomeWanted,
            request.AppointmentId, request.DepartmentId, request.ConcernedStaffMemberId, null, now, request.ByStaffMemberId, deadlines);
        db.Complaints.Add(complaint);

        // With an email address (or a text they chose) the acknowledgement goes at once, which meets the acknowledgement clock.
        var acknowledged = (contact.Email is not null || contact.TextTo is not null) && complaint.Acknowledge(request.ByStaffMemberId, now, deadlines).IsSuccess;
        // Saved first (inside the transaction) so the complaint has its id before any email links to it.
        await db.SaveChangesAsync(cancellationToken);
        var notice = await NoticeAsync(complaint, contact, deadlines, cancellationToken);
        if (acknowledged)
            notifier.Acknowledgement(notice);
        if (manager is not null)
            notifier.ManagerAlert(notice, manager);
        if (request.PatientId is { } patientId)
        {
            db.Interactions.Add(new Interaction(patientId, request.ByStaffMemberId, request.Channel, InteractionKind.Complaint,
                TimelineSentence.Of("Complaint {0} received", reference), now));
        }
        await db.SaveChangesAsync(cancellationToken);
        if (request.ByStaffMemberId is not null)
        {
            await audit.RecordAsync(AuditAction.Create, nameof(Complaint), complaint.Id.ToString(CultureInfo.InvariantCulture), request.PatientId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        LogReceived(complaint.Id, (int)severity);
        return Result<ComplaintCreated>.Success(new ComplaintCreated(complaint.Id, reference, acknowledged));
    }

    /// <summary>The next reference of the year, decided by the database (see <see cref="IComplaintReferences"/>).</summary>
    public Task<string> NextReferenceAsync(int year, CancellationToken cancellationToken) => references.NextAsync(year, cancellationToken);

    public Task<Result> AcknowledgeAsync(int id, int? staffId, CancellationToken cancellationToken) =>
        ChangeAsync(id, staffId, "acknowledged", (c, d, now) => c.Acknowledge(staffId, now, d), (c, n) => notifier.Acknowledgement(n), cancellationToken);

    public Task<Result> InvestigateAsync(int id, int? staffId, CancellationToken cancellationToken) =>
        ChangeAsync(id, staffId, "being investigated", (c, d, now) => c.StartInvestigating(staffId, now, d), null, cancellationToken);

    public Task<Result> AwaitPatientAsync(int id, int? staffId, CancellationToken cancellationToken) =>
        ChangeAsync(id, staffId, "waiting for the complainant (clock paused)", (c, d, now) => c.AwaitPatient(staffId, now, d), null, cancellationToken);

    public Task<Result> RespondAsync(int id, WrittenResponse response, int? staffId, CancellationToken cancellationToken) =>
        ChangeAsync(id, staffId, "written response sent", (c, d, now) => c.Respond(response, staffId, now, d), (c, n) => notifier.WrittenResponse(n, response), cancellationToken);

    public Task<Result> ResolveAtFirstContactAsync(int id, string? apology, int? staffId, CancellationToken cancellationToken) =>
        ChangeAsync(id, staffId, "resolved at first contact", (c, d, now) => c.ResolveAtFirstContact(apology, staffId, now, d), null, cancellationToken);

    public Task<Result> RecordOutcomeAsync(int id, string? outcome, int? staffId, CancellationToken cancellationToken) =>
        ChangeAsync(id, staffId, "follow-up outcome recorded", (c, d, now) => c.RecordOutcome(outcome, staffId, now, d), null, cancellationToken);

    public Task<Result> CloseAsync(int id, int? staffId, CancellationToken cancellationToken) =>
        ChangeAsync(id, staffId, "closed", (c, d, now) => c.Close(staffId, now, d), null, cancellationToken);

    public async Task<Result> ReopenAsync(int id, string? reason, int? staffId, CancellationToken cancellationToken)
    {
        var days = await policy.ReopenDaysAsync(cancellationToken);
        return await ChangeAsync(id, staffId, "reopened", (c, d, now) => c.Reopen(reason, days, staffId, now, d), null, cancellationToken);
    }

    public Task<Result> AgreeDeadlineAsync(int id, DateOnly? date, int? staffId, CancellationToken cancellationToken) =>
        ChangeAsync(id, staffId, "response date agreed", (c, d, now) => c.AgreeDeadline(date, d.Calendar.LocalDate(now), staffId, now, d), null, cancellationToken);

    public Task<Result> SetPostalAddressAsync(int id, string? address, int? staffId, CancellationToken cancellationToken) =>
        ChangeAsync(id, staffId, "postal address for letters saved", (c, d, now) => c.SetPostalAddress(address), null, cancellationToken);

    public Task<Result> NoteAsync(int id, string? text, bool toComplainant, int? staffId, CancellationToken cancellationToken) =>
        ChangeAsync(id, staffId, toComplainant ? "message sent" : "internal note added", (c, d, now) => c.AddNote(text, toComplainant, staffId, now),
            toComplainant ? (c, n) => notifier.Message(n, text!.Trim()) : null, cancellationToken);

    public async Task<Result> AssignAsync(int id, int? ownerId, int? staffId, CancellationToken cancellationToken)
    {
        var owners = await directory.OwnersAsync(cancellationToken);
        var owner = owners.FirstOrDefault(o => o.Id == ownerId);
        if (owner is null)
            return Result.Invalid(new ValidationError("OwnerId", "Choose an owner from the list."));
        return await ChangeAsync(id, staffId, $"assigned to {owner.Name}", (c, d, now) =>
        {
            c.Assign(owner.Id, staffId, owner.Name, now);
            return Result.Success();
        }, null, cancellationToken);
    }

    /// <summary>A patient's own message on their complaint (the id must be theirs: others get NotFound).</summary>
    public async Task<Result> PatientMessageAsync(int id, int patientId, string? text, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsTracking().FirstOrDefaultAsync(c => c.Id == id && c.PatientId == patientId, cancellationToken);
        if (complaint is null)
            return Result.NotFound();
        var now = clock.UtcNow;
        var result = complaint.AddPatientMessage(text, now);
        if (!result.IsSuccess)
            return result;
        db.Interactions.Add(new Interaction(patientId, null, InteractionChannel.Web, InteractionKind.Complaint, TimelineSentence.Of("Complaint {0}: message from the patient", complaint.Reference), now));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>Manual escalation: tells the department's manager now, whatever the clock says.</summary>
    public async Task<Result> EscalateAsync(int id, int? staffId, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null)
            return Result.NotFound();
        var manager = await directory.DepartmentManagerAsync(complaint.DepartmentId, cancellationToken);
        if (manager is null)
            return Result.Invalid(new ValidationError(string.Empty, "No manager is set up to escalate to."));
        var overdue = complaint.NextDueAtUtc is { } due && due <= clock.UtcNow;
        return await ChangeAsync(id, staffId, $"escalated to {manager.Name}", (c, d, now) =>
        {
            c.RecordEscalation(Math.Max(c.EscalationLevel, overdue ? 2 : 1), manager.Id, manager.Name, now);
            return Result.Success();
        }, (c, n) => notifier.Escalation(n, manager, overdue), cancellationToken);
    }

    /// <summary>The steps of a complaint its patient sees on their timeline (the lines' templates, translation keys).</summary>
    private static readonly HashSet<string> PatientSteps =
    [
        "Complaint {0}: acknowledged", "Complaint {0}: being investigated", "Complaint {0}: waiting for the complainant (clock paused)",
        "Complaint {0}: written response sent", "Complaint {0}: resolved at first contact", "Complaint {0}: closed", "Complaint {0}: reopened",
        "Complaint {0}: response date agreed", "Complaint {0}: message sent",
    ];

    private async Task<Result> ChangeAsync(int id, int? staffId, string summary, Func<Complaint, ComplaintDeadlines, DateTime, Result> change,
        Action<Complaint, ComplaintNotice>? notify, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null)
            return Result.NotFound();
        var deadlines = await policy.DeadlinesForAsync(complaint.DepartmentId, complaint.AppointmentId, cancellationToken);
        var now = clock.UtcNow;
        var result = change(complaint, deadlines, now);
        if (!result.IsSuccess)
            return result;
        if (notify is not null)
        {
            var contact = await ContactAsync(complaint.PatientId, complaint.ComplainantName, complaint.ComplainantEmail, cancellationToken);
            notify(complaint, await NoticeAsync(complaint, contact, deadlines, cancellationToken));
        }
        if (complaint.PatientId is { } patientId)
        {
            // Steps the patient sees on their own timeline are stored as events (written in their language); internal
            // ones (notes, assignments, escalations) stay staff-only English lines.
            var line = "Complaint {0}: " + summary;
            db.Interactions.Add(PatientSteps.Contains(line)
                ? new Interaction(patientId, staffId, complaint.Channel, InteractionKind.Complaint, TimelineSentence.Of(line, complaint.Reference), now)
                : new Interaction(patientId, staffId, complaint.Channel, InteractionKind.Complaint, $"Complaint {complaint.Reference}: {summary}", now));
        }
        await audit.RecordAsync(AuditAction.Update, nameof(Complaint), id.ToString(CultureInfo.InvariantCulture), complaint.PatientId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        LogChanged(id, complaint.Status.ToString());
        return Result.Success();
    }

    /// <param name="CanSignIn">The complainant is a patient with a portal login, so a link to their complaint page works for them.</param>
    /// <param name="TextTo">The patient's number when they chose text for complaint messages and it can get one.</param>
    /// <param name="AcknowledgeByEmail">False when they chose text only (the acknowledgement then goes by text alone).</param>
    internal sealed record Contact(string? Name, string? Email, string Language, bool CanSignIn = false, string? TextTo = null, bool AcknowledgeByEmail = true,
        int? PatientId = null);

    private async Task<Contact> ContactAsync(int? patientId, string? complainantName, string? complainantEmail, CancellationToken cancellationToken)
    {
        if (patientId is { } id)
        {
            var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
            // A reply to their own complaint is a message they need: it goes to their email whatever they chose for optional mail.
            // The acknowledgement goes as they chose for complaint messages (text, email or both); letters stay email.
            if (patient is not null)
            {
                var (byEmail, byText) = patient.Channels(Patients.MessageKind.Complaint, phones.CanText(patient.Phone));
                return new Contact(patient.FirstName, patient.Email, patient.PreferredLanguage, patient.UserId is not null,
                    byText ? patient.Phone : null, byEmail, patient.Id);
            }
        }
        return new Contact(string.IsNullOrWhiteSpace(complainantName) ? null : complainantName.Trim(),
            string.IsNullOrWhiteSpace(complainantEmail) ? null : complainantEmail.Trim(), SupportedLanguages.Default);
    }

    internal async Task<ComplaintNotice> NoticeAsync(Complaint complaint, Contact contact, ComplaintDeadlines deadlines, CancellationToken cancellationToken)
    {
        var category = await db.ComplaintCategories.Where(c => c.Id == complaint.CategoryId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        var department = complaint.DepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var owner = complaint.OwnerId is { } o ? await db.StaffMembers.Where(s => s.Id == o).Select(s => s.FirstName + " " + s.LastName).FirstOrDefaultAsync(cancellationToken) : null;
        return new ComplaintNotice(complaint.Id, complaint.Reference, contact.Name, contact.Email, contact.Language, complaint.ReceivedAtUtc,
            complaint.ResponseDueAtUtc, deadlines.Pack.ResponseByAgreement && complaint.AgreedResponseDate is null, owner, category, complaint.Severity, department,
            contact.CanSignIn && complaint.PatientId is not null && complaint.Kind == ComplaintKind.Complaint)
        {
            TextTo = contact.TextTo,
            PatientId = contact.PatientId,
            AcknowledgeByEmail = contact.AcknowledgeByEmail,
            TimeZone = deadlines.Calendar.Zone.Id,
        };
    }

    private async Task<List<ValidationError>> ValidateAsync(ComplaintIntake r, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (r.PatientId is { } patientId)
        {
            if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
                errors.Add(new ValidationError(string.Empty, "Find the patient again: that record was not found."));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(r.ComplainantName))
                errors.Add(new ValidationError("ComplainantName", "Enter the complainant's name, or find the patient."));
            else if (r.ComplainantName.Trim().Length > SchemaLimits.NameLength)
                errors.Add(new ValidationError("ComplainantName", $"Keep the name under {SchemaLimits.NameLength} characters."));
            var hasEmail = !string.IsNullOrWhiteSpace(r.ComplainantEmail);
            var hasPhone = !string.IsNullOrWhiteSpace(r.ComplainantPhone);
            if (!hasEmail && !hasPhone)
                errors.Add(new ValidationError("ComplainantPhone", "Enter a phone number or an email address so we can reply."));
            if (hasEmail && (r.ComplainantEmail!.Trim().Length > SchemaLimits.EmailLength || !IsEmail(r.ComplainantEmail.Trim())))
                errors.Add(new ValidationError("ComplainantEmail", "Enter an email address like name@example.com."));
            if (hasPhone && !ValidationExtensions.IsPhone(r.ComplainantPhone!))
                errors.Add(new ValidationError("ComplainantPhone", "Enter a phone number using digits, for example 555 010 0123."));
        }
        if (!Enum.IsDefined(r.Channel))
            errors.Add(new ValidationError("Channel", "Choose how the complaint came in."));
        if (r.CategoryId is not { } categoryId || !await db.ComplaintCategories.AnyAsync(c => c.Id == categoryId && c.IsActive, cancellationToken))
            errors.Add(new ValidationError("CategoryId", "Choose what the complaint is about."));
        if (r.Severity is not { } severity || !Enum.IsDefined(severity))
            errors.Add(new ValidationError("Severity", "Choose how serious it is."));
        if (string.IsNullOrWhiteSpace(r.WhatHappened))
            errors.Add(new ValidationError("WhatHappened", "Say what happened."));
        else if (r.WhatHappened.Trim().Length > MaxWhatHappened)
            errors.Add(new ValidationError("WhatHappened", $"Keep this under {MaxWhatHappened} characters."));
        if (r.OutcomeWanted is { } outcome && outcome.Trim().Length > SchemaLimits.DescriptionLength)
            errors.Add(new ValidationError("OutcomeWanted", $"Keep this under {SchemaLimits.DescriptionLength} characters."));
        if (r.AppointmentId is { } appointmentId
            && !await db.Appointments.AnyAsync(a => a.Id == appointmentId && r.PatientId != null && a.PatientId == r.PatientId, cancellationToken))
            errors.Add(new ValidationError("AppointmentId", "Choose one of the patient's visits from the list."));
        if (r.DepartmentId is { } departmentId && !await db.Departments.AnyAsync(d => d.Id == departmentId, cancellationToken))
            errors.Add(new ValidationError("DepartmentId", "Choose a department from the list."));
        if (r.ConcernedStaffMemberId is { } staffId && !await db.StaffMembers.AnyAsync(s => s.Id == staffId, cancellationToken))
            errors.Add(new ValidationError("ConcernedStaffMemberId", "Choose a staff member from the list."));
        return errors;
    }

    public static bool IsEmail(string value) =>
        System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Complaint {ComplaintId} received (severity {Severity})")]
    private partial void LogReceived(int complaintId, int severity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Complaint {ComplaintId} changed (now {Status})")]
    private partial void LogChanged(int complaintId, string status);
}
