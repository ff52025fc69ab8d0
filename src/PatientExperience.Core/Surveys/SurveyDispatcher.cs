using PatientExperience.Core.Email;
using PatientExperience.Core.Patients;

namespace PatientExperience.Core.Surveys;

/// <summary>
/// The periodic job that sends due invitations and their one reminder, outside their site's quiet hours, and closes
/// expired ones. Each send is claimed by a conditional UPDATE in the same transaction that queues the email
/// (like <see cref="Appointments.ReminderProcessor"/>), so two instances or a restart send it once.
/// A reminder is skipped, with its reason stored (<see cref="ReminderSkipReason"/>), when the link ends within
/// <see cref="SurveyOptions.ReminderNeedsLinkDays"/>, when it is more than <see cref="SurveyOptions.ReminderLateDays"/>
/// late, or when the patient had another survey reminder lately; its outbox message carries the key
/// <c>survey-reminder:patient:{id}</c>, so two instances reminding two of one patient's visits at once cannot both
/// queue one (the database's unique index decides).
/// </summary>
public sealed partial class SurveyDispatcher(
    IAppDbContext db,
    ISurveyNotifier notifier,
    IEmailOutbox outbox,
    PhoneFormat phones,
    ClinicClock clock,
    IOptions<SurveyOptions> options,
    ILogger<SurveyDispatcher> logger) : IPeriodicJob
{
    public const int BatchSize = 50;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.UtcNow;
        var handled = await db.SurveyInvitations
            .Where(i => (i.Status == InvitationStatus.Scheduled || i.Status == InvitationStatus.Open) && i.ExpiresAtUtc <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Expired), cancellationToken);
        // Quiet hours are each site's own night: at 08:30 in New York a Chicago visit's invitation still waits (07:30 there).
        var quietSites = await QuietSitesAsync(now, cancellationToken);
        if (quietSites.Count > 0 && quietSites.Count == await db.Sites.CountAsync(cancellationToken))
            return handled;
        var quietDepartments = db.Departments.Where(d => quietSites.Contains(d.SiteId)).Select(d => d.Id);
        var awake = db.SurveyInvitations.AsNoTracking().Where(i => !quietDepartments.Contains(i.DepartmentId));

        var due = await Due(awake, now).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            if (await SendAsync(id, reminder: false, now, cancellationToken))
                handled++;
        }

        var remindBefore = now.AddDays(-settings.ReminderAfterDays);
        var reminders = await RemindersDue(awake, remindBefore, now).ToListAsync(cancellationToken);
        foreach (var id in reminders)
        {
            if (await SendAsync(id, reminder: true, now, cancellationToken))
                handled++;
        }
        return handled;
    }

    /// <summary>The sites in their quiet hours at <paramref name="now"/>, each on its own clock (an empty zone is the group's).</summary>
    private async Task<List<int>> QuietSitesAsync(DateTime now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var sites = await db.Sites.AsNoTracking().Select(s => new { s.Id, s.TimeZone }).ToListAsync(cancellationToken);
        return sites.Where(s => SurveyTiming.IsQuiet(TimeOnly.FromDateTime(clock.For(s.TimeZone).ToLocal(now)), settings.QuietHoursStart, settings.QuietHoursEnd))
            .Select(s => s.Id).ToList();
    }

    /// <summary>The ids of the next batch of invitations due to be sent at <paramref name="now"/>.</summary>
    public static IQueryable<int> Due(IQueryable<SurveyInvitation> invitations, DateTime now) =>
        invitations
            .Where(i => i.Status == InvitationStatus.Scheduled && i.SendAfterUtc <= now)
            .OrderBy(i => i.SendAfterUtc).Select(i => i.Id).Take(BatchSize);

    /// <summary>The ids of the next batch of emailed, unanswered invitations sent at or before <paramref name="remindBefore"/>.</summary>
    public static IQueryable<int> RemindersDue(IQueryable<SurveyInvitation> invitations, DateTime remindBefore, DateTime now) =>
        invitations
            .Where(i => i.Status == InvitationStatus.Open && i.Emailed && i.ReminderSentAtUtc == null && i.ReminderSkipped == null
                        && i.SentAtUtc <= remindBefore && i.ExpiresAtUtc > now)
            .OrderBy(i => i.SentAtUtc).Select(i => i.Id).Take(BatchSize);

    private async Task<bool> SendAsync(int invitationId, bool reminder, DateTime now, CancellationToken cancellationToken)
    {
        var details = await db.SurveyInvitations.AsNoTracking().Where(i => i.Id == invitationId)
            .Select(i => new Invitee(
                i.PatientId, i.VisitStartUtc, i.ExpiresAtUtc, i.SentAtUtc,
                db.Patients.First(p => p.Id == i.PatientId),
                db.StaffMembers.Where(s => s.Id == i.ClinicianId).Select(s => s.FirstName + " " + s.LastName).First(),
                db.Departments.Where(d => d.Id == i.DepartmentId).Select(d => d.Name).First(),
                db.Departments.Where(d => d.Id == i.DepartmentId).Select(d => d.Site!.TimeZone).First()))
            .FirstAsync(cancellationToken);
        // Email needs the patient's yes to optional email; a text goes when they chose text for surveys (that choice is
        // their yes). The reminder is email only: a text is at most one per visit.
        var (byEmail, byText) = details.Patient.Channels(MessageKind.Survey, phones.CanText(details.Patient.Phone));
        var consented = details.Patient.ContactByEmail && details.Patient.Email is not null;
        var mayEmail = consented && (byEmail || reminder);
        if (reminder && !mayEmail)
            return false;
        if (reminder && await ReminderSkipAsync(invitationId, details.PatientId, details.SentAtUtc, details.ExpiresAtUtc, now, cancellationToken) is { } skip)
            return await SkipReminderAsync(invitationId, skip, cancellationToken);
        var (token, hash) = OneTimeToken.New();
        string? text = null, textHash = null;
        if (!reminder && byText)
        {
            var (textToken, th) = OneTimeToken.NewShort();
            text = notifier.InvitationText(new SurveyTextNotice(details.PatientId, details.Patient.Phone, details.Patient.PreferredLanguage,
                details.VisitStartUtc, details.ExpiresAtUtc, textToken));
            textHash = text is null ? null : th;
            // A link too long for two SMS goes by email instead, when they take email.
            mayEmail |= text is null && consented;
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (await ClaimAsync(invitationId, reminder, now, hash, mayEmail, text is not null, textHash, cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        Queue(details, reminder, mayEmail, token, text, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (reminder)
        {
            // Another instance queued a reminder to this patient (for another visit) a moment ago: the unique index
            // on the waiting message's key refused ours. Anything else is a real error.
            await transaction.RollbackAsync(cancellationToken);
            db.ForgetChanges();
            var key = ReminderKey(details.PatientId);
            if (!await db.OutboxMessages.AnyAsync(m => m.DedupeKey == key && m.SentAtUtc == null && m.FailedAtUtc == null && m.SkippedAtUtc == null, cancellationToken))
                throw;
            return await SkipReminderAsync(invitationId, ReminderSkipReason.AnotherReminder, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        db.ForgetChanges();
        LogSent(invitationId, reminder);
        return true;
    }

    /// <summary>
    /// Claims the invitation (the conditional UPDATE decides between instances): its reminder, or its first sending with
    /// the channels it goes by. 1 when this run won it.
    /// </summary>
    private Task<int> ClaimAsync(int invitationId, bool reminder, DateTime now, string hash, bool mayEmail, bool texted, string? textHash,
        CancellationToken cancellationToken) =>
        reminder
            ? db.SurveyInvitations
                .Where(i => i.Id == invitationId && i.Status == InvitationStatus.Open && i.ReminderSentAtUtc == null && i.ReminderSkipped == null && i.ExpiresAtUtc > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ReminderSentAtUtc, now).SetProperty(i => i.ReminderTokenHash, hash), cancellationToken)
            : db.SurveyInvitations
                .Where(i => i.Id == invitationId && i.Status == InvitationStatus.Scheduled && i.ExpiresAtUtc > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Open).SetProperty(i => i.SentAtUtc, now)
                    .SetProperty(i => i.TokenHash, hash).SetProperty(i => i.Emailed, mayEmail)
                    .SetProperty(i => i.Texted, texted).SetProperty(i => i.TextTokenHash, textHash), cancellationToken);

    /// <summary>Queues the invitation's (or reminder's) email and text, and puts it on the patient's timeline; saved by the caller.</summary>
    private void Queue(Invitee details, bool reminder, bool mayEmail, string token, string? text, DateTime now)
    {
        if (mayEmail)
        {
            var notice = new SurveyEmailNotice(details.Patient.FirstName, details.Patient.Email!, details.Patient.PreferredLanguage,
                details.Clinician, details.Department, details.VisitStartUtc, details.ExpiresAtUtc, token);
            if (reminder)
            {
                notifier.Reminder(notice)
                    .OncePer(ReminderKey(details.PatientId))
                    .DiscardAfter(details.ExpiresAtUtc.AddDays(-options.Value.ReminderNeedsLinkDays));
            }
            else
            {
                notifier.Invitation(notice).DiscardAfter(details.ExpiresAtUtc);
            }
        }
        if (text is not null)
            outbox.EnqueueText(EmailPriority.Reminder, details.Patient.Phone, text, details.PatientId, details.TimeZone).DiscardAfter(details.ExpiresAtUtc);
        var channel = mayEmail ? InteractionChannel.Email : text is not null ? InteractionChannel.Text : InteractionChannel.Web;
        db.Interactions.Add(new Interaction(details.PatientId, null, channel, InteractionKind.Survey,
            TimelineSentence.Of(reminder ? "Survey reminder sent" : mayEmail || text is not null ? "Survey invitation sent" : "Survey ready on the patient's page"), now));
    }

    /// <summary>The outbox key of a patient's survey reminders: one waiting at a time, whatever the visit.</summary>
    public static string ReminderKey(int patientId) => $"survey-reminder:patient:{patientId}";

    /// <summary>Why this reminder should not go out now, or null to send it.</summary>
    private async Task<ReminderSkipReason?> ReminderSkipAsync(int invitationId, int patientId, DateTime? sentAtUtc, DateTime expiresAtUtc, DateTime now,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (expiresAtUtc - now < TimeSpan.FromDays(settings.ReminderNeedsLinkDays))
            return ReminderSkipReason.LinkEndsSoon;
        if (sentAtUtc is { } sent && now - sent.AddDays(settings.ReminderAfterDays) > TimeSpan.FromDays(settings.ReminderLateDays))
            return ReminderSkipReason.TooLate;
        var since = now.AddDays(-settings.ReminderAfterDays);
        var another = await db.SurveyInvitations.AnyAsync(i => i.PatientId == patientId && i.Id != invitationId && i.ReminderSentAtUtc >= since, cancellationToken);
        return another ? ReminderSkipReason.AnotherReminder : null;
    }

    /// <returns>True when this call marked it (it counts as handled).</returns>
    private async Task<bool> SkipReminderAsync(int invitationId, ReminderSkipReason reason, CancellationToken cancellationToken)
    {
        var marked = await db.SurveyInvitations
            .Where(i => i.Id == invitationId && i.ReminderSentAtUtc == null && i.ReminderSkipped == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ReminderSkipped, reason), cancellationToken);
        if (marked == 1)
            LogReminderSkipped(invitationId, reason);
        return marked == 1;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey invitation {InvitationId}: reminder not sent ({Reason})")]
    private partial void LogReminderSkipped(int invitationId, ReminderSkipReason reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey invitation {InvitationId} sent (reminder: {Reminder})")]
    private partial void LogSent(int invitationId, bool reminder);

    /// <summary>An invitation with what its messages say: the patient, who they saw, where and in which zone.</summary>
    private sealed record Invitee(int PatientId, DateTime VisitStartUtc, DateTime ExpiresAtUtc, DateTime? SentAtUtc, Patient Patient,
        string Clinician, string Department, string TimeZone);
}
