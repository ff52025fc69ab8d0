using System.Text.Json;
using PatientExperience.Core.ServiceRecovery;

namespace PatientExperience.Core.Surveys;

/// <summary>
/// Taking a survey: the page, the checks, and one answer per invitation. The database decides "once": the
/// answer claims the invitation with a conditional UPDATE, and a unique index on the response's invitation
/// backs it up. A low response opens a follow-up case through <see cref="IServiceRecoveryCases"/> in the same
/// transaction as the response.
/// </summary>
public sealed partial class SurveyService(
    IAppDbContext db,
    ClinicClock clock,
    IEnumerable<IServiceRecoveryCases> recoveryCases,
    ISurveyNotifier notifier,
    PraiseService praise,
    ILogger<SurveyService> logger)
{
    public async Task<SurveyLookup> FindAsync(SurveyKey key, CancellationToken cancellationToken)
    {
        var invitation = await LocateAsync(key, cancellationToken);
        if (invitation is null)
            return new SurveyLookup(SurveyState.NotFound, null);
        var state = invitation.Status switch
        {
            InvitationStatus.Answered => SurveyState.Answered,
            InvitationStatus.Scheduled when key.Token is not null => SurveyState.NotFound,
            _ when invitation.Status == InvitationStatus.Expired || clock.UtcNow >= invitation.ExpiresAtUtc => SurveyState.Expired,
            _ => SurveyState.Open,
        };
        return new SurveyLookup(state, await DescribeAsync(invitation, cancellationToken));
    }

    /// <summary>Open surveys for the patient's own page, newest visit first.</summary>
    public async Task<IReadOnlyList<PendingSurvey>> PendingAsync(int patientId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        return await db.SurveyInvitations.AsNoTracking()
            .Where(i => i.PatientId == patientId && i.Status == InvitationStatus.Open && i.ExpiresAtUtc > now)
            .OrderByDescending(i => i.VisitStartUtc)
            .Select(i => new PendingSurvey(i.Id,
                db.StaffMembers.Where(s => s.Id == i.ClinicianId).Select(s => s.FirstName + " " + s.LastName).First(),
                db.Departments.Where(d => d.Id == i.DepartmentId).Select(d => d.Name).First(),
                i.VisitStartUtc, i.ExpiresAtUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Keeps one screen's answers as the invitation's draft (nothing is sent yet). A wrong answer is explained and
    /// nothing is kept. The state says whether the survey is still open.
    /// </summary>
    /// <param name="finished">
    /// Next: the screen is done, and a question left blank is kept as skipped (a reopened link starts after it). Back:
    /// only the answers given are kept, so a screen the patient left without answering is still the one to come back to.
    /// </param>
    public async Task<Result<SurveyState>> SaveScreenAsync(SurveyKey key, int screen, IReadOnlyDictionary<string, string?> posted, bool finished, CancellationToken cancellationToken)
    {
        var invitation = await LocateAsync(key, cancellationToken);
        var now = clock.UtcNow;
        if (invitation is null || (invitation.Status == InvitationStatus.Scheduled && key.Token is not null))
            return Result<SurveyState>.Success(SurveyState.NotFound);
        if (invitation.Status == InvitationStatus.Answered)
            return Result<SurveyState>.Success(SurveyState.Answered);
        if (!invitation.IsOpen(now))
            return Result<SurveyState>.Success(SurveyState.Expired);
        var questions = (await db.QuestionnaireVersions.AsNoTracking().FirstAsync(v => v.Id == invitation.QuestionnaireVersionId, cancellationToken)).Questions;
        var screens = SurveyScreen.Of(questions);
        if (screen < 0 || screen >= screens.Count)
            return Result<SurveyState>.Success(SurveyState.Open);
        // The screen's questions (one left blank is answered "skipped"), and any other answer the form carried back
        // after an error on another screen.
        var onScreen = screens[screen].Questions;
        var kept = questions.Where(q => (finished && onScreen.Contains(q)) || !string.IsNullOrWhiteSpace(posted.GetValueOrDefault(q.Key))).ToList();
        var (_, _, errors) = Read(kept, posted);
        errors.RemoveAll(e => e.Field.Length == 0); // "answer at least one" is for the whole survey, when it is sent
        if (errors.Count > 0)
            return Result<SurveyState>.Invalid(errors);
        var draft = new Dictionary<string, string?>(DraftOf(invitation));
        foreach (var q in kept)
            draft[q.Key] = posted.GetValueOrDefault(q.Key)?.Trim() ?? string.Empty;
        var json = JsonSerializer.Serialize(draft);
        await db.SurveyInvitations.Where(i => i.Id == invitation.Id && i.Status == InvitationStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.DraftAnswersJson, json), cancellationToken);
        return Result<SurveyState>.Success(SurveyState.Open);
    }

    private static Dictionary<string, string?> DraftOf(SurveyInvitation invitation) =>
        invitation.DraftAnswersJson is { } json ? JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [] : [];

    /// <summary>Sends the survey: the draft of the screens already finished, overlaid by what is posted now.</summary>
    public async Task<Result<SubmitOutcome>> SubmitAsync(SurveyKey key, IReadOnlyDictionary<string, string?> posted, CancellationToken cancellationToken)
    {
        var invitation = await LocateAsync(key, cancellationToken);
        var now = clock.UtcNow;
        if (invitation is null || (invitation.Status == InvitationStatus.Scheduled && key.Token is not null))
            return Result<SubmitOutcome>.Success(new SubmitOutcome(SurveyState.NotFound, null, []));
        if (invitation.Status == InvitationStatus.Answered)
            return Result<SubmitOutcome>.Success(new SubmitOutcome(SurveyState.Answered, null, []));
        if (!invitation.IsOpen(now))
            return Result<SubmitOutcome>.Success(new SubmitOutcome(SurveyState.Expired, null, []));

        var version = await db.QuestionnaireVersions.AsNoTracking().FirstAsync(v => v.Id == invitation.QuestionnaireVersionId, cancellationToken);
        var questions = version.Questions;
        var merged = DraftOf(invitation);
        foreach (var (k, v) in posted)
            merged[k] = v;
        var (values, comment, errors) = Read(questions, merged);
        if (errors.Count > 0)
            return Result<SubmitOutcome>.Invalid(errors);

        var lexicon = await db.LexiconEntries.AsNoTracking().ToListAsync(cancellationToken);
        var who = await db.Patients.Where(p => p.Id == invitation.PatientId).Select(p => new { p.DateOfBirth, p.PreferredLanguage }).FirstAsync(cancellationToken);
        var language = comment is null ? null : who.PreferredLanguage;
        // The language the page was shown in (the request's), else the patient's own.
        var answeredIn = SupportedLanguages.IsSupported(CultureInfo.CurrentUICulture.Name) ? CultureInfo.CurrentUICulture.Name : who.PreferredLanguage;
        var analyzer = new CommentAnalyzer(lexicon);
        var analysis = comment is null ? null : analyzer.Analyze(comment, language);
        var triggers = SurveyRules.Triggers(questions, values, analysis?.Sentiment);
        var mayContact = questions.Any(q => q.Type == QuestionType.ContactConsent && values.GetValueOrDefault(q.Key) == 1);
        var recommend = questions.Where(q => q.Type == QuestionType.Recommend).Select(q => values.GetValueOrDefault(q.Key)).FirstOrDefault(v => v is not null);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var claimed = await db.SurveyInvitations
            .Where(i => i.Id == invitation.Id && i.Status == InvitationStatus.Open && i.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Answered).SetProperty(i => i.AnsweredAtUtc, now)
                .SetProperty(i => i.DraftAnswersJson, (string?)null), cancellationToken);
        if (claimed != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Result<SubmitOutcome>.Success(new SubmitOutcome(SurveyState.Answered, null, []));
        }

        var response = new SurveyResponse(invitation, version, now);
        response.SetChannel(ChannelOf(key, invitation));
        response.RecordCaseMix(who.DateOfBirth, await VisitDayAsync(invitation, cancellationToken), answeredIn);
        response.SetAnswers(questions.Where(q => q.IsNumeric).Select(q => new SurveyAnswer(q.Key, q.Dimension, q.Type, values.GetValueOrDefault(q.Key))), mayContact, recommend);
        response.SetComment(comment, analysis);
        response.RecordTriggers(triggers);
        db.SurveyResponses.Add(response);
        await praise.OfferAsync(response, invitation.ClinicianId, comment, language, analyzer, cancellationToken);
        db.Interactions.Add(new Interaction(invitation.PatientId, null, InteractionChannel.Web, InteractionKind.Survey, TimelineSentence.Of("Answered the visit survey"), now));
        // Refused: another request stored an answer for this invitation first (unique index on the invitation). Anything
        // else (a deadlock, a full disk) is not "already answered": the answer was not stored, and the patient must not
        // be told it was, so it is rethrown.
        if (!await db.TryCommitAsync(transaction, ct => StoreAsync(invitation, response, triggers, mayContact, now, ct), cancellationToken,
                refusalExplained: ct => db.SurveyResponses.AnyAsync(r => r.InvitationId == invitation.Id, ct)))
            return Result<SubmitOutcome>.Success(new SubmitOutcome(SurveyState.Answered, null, []));
        LogAnswered(invitation.Id, response.Id, triggers.Count);
        return Result<SubmitOutcome>.Success(new SubmitOutcome(SurveyState.Open, response.Id, triggers));
    }

    /// <summary>
    /// Saves the answer (which gives the response its id, still uncommitted); when it calls for a follow-up, the case joins
    /// the same transaction and a patient who may be contacted is told they were heard.
    /// </summary>
    private async Task StoreAsync(SurveyInvitation invitation, SurveyResponse response, IReadOnlyList<RecoveryTrigger> triggers, bool mayContact,
        DateTime now, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        if (triggers.Count == 0)
            return;
        var request = new ServiceRecoveryRequest(response.Id, invitation.PatientId, invitation.AppointmentId, invitation.DepartmentId,
            invitation.ClinicianId, triggers, mayContact, now);
        foreach (var cases in recoveryCases)
            await cases.OpenAsync(request, cancellationToken);
        if (mayContact)
        {
            var patient = await db.Patients.AsNoTracking().Where(p => p.Id == invitation.PatientId)
                .Select(p => new { p.FirstName, p.Email, p.PreferredLanguage }).FirstAsync(cancellationToken);
            var department = await db.Departments.Where(d => d.Id == invitation.DepartmentId).Select(d => d.Name).FirstAsync(cancellationToken);
            if (patient.Email is not null)
                notifier.WeHeardYou(patient.FirstName, patient.Email, patient.PreferredLanguage, department);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The visit's day on its site's wall clock (<see cref="ClinicClock.For"/>), the day the patient's age is taken on.</summary>
    private async Task<DateOnly> VisitDayAsync(SurveyInvitation invitation, CancellationToken cancellationToken)
    {
        var zone = await db.Departments.Where(d => d.Id == invitation.DepartmentId).Select(d => d.Site!.TimeZone).FirstOrDefaultAsync(cancellationToken);
        return DateOnly.FromDateTime(clock.For(zone).ToLocal(invitation.VisitStartUtc));
    }

    /// <summary>Parses the posted answers; every question is optional, but an answer must be one of the options.</summary>
    public static (Dictionary<string, int?> Values, string? Comment, List<ValidationError> Errors) Read(IReadOnlyList<SurveyQuestion> questions, IReadOnlyDictionary<string, string?> posted)
    {
        var values = new Dictionary<string, int?>();
        var errors = new List<ValidationError>();
        string? comment = null;
        foreach (var q in questions)
        {
            var raw = posted.GetValueOrDefault(q.Key)?.Trim();
            if (q.Type == QuestionType.Comment)
            {
                if (string.IsNullOrWhiteSpace(raw))
                    continue;
                if (raw.Length > SurveyResponse.CommentLength)
                    errors.Add(new ValidationError(q.Key, $"Please keep your comment to {SurveyResponse.CommentLength} characters. It has {raw.Length}."));
                comment = comment is null ? raw : comment + "\n" + raw;
                continue;
            }
            if (string.IsNullOrEmpty(raw) || raw == "na")
            {
                values[q.Key] = null;
                continue;
            }
            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= q.MinValue && value <= q.MaxValue)
                values[q.Key] = value;
            else
                errors.Add(new ValidationError(q.Key, "Choose one of the options."));
        }
        if (errors.Count == 0 && comment is null && values.Values.All(v => v is null))
            errors.Add(new ValidationError(string.Empty, "Please answer at least one question before you send the survey."));
        return (values, comment, errors);
    }

    /// <summary>
    /// How the patient reached the survey: the token says which link it was (the text's token is its own, so the channel
    /// cannot be changed by editing the link without losing the only thing that opens it); no token is their own page.
    /// </summary>
    public static ResponseChannel ChannelOf(SurveyKey key, SurveyInvitation invitation)
    {
        if (key.Token is null)
            return ResponseChannel.Portal;
        return string.Equals(invitation.TextTokenHash, OneTimeToken.Hash(key.Token), StringComparison.Ordinal) ? ResponseChannel.TextLink : ResponseChannel.EmailLink;
    }

    private async Task<SurveyInvitation?> LocateAsync(SurveyKey key, CancellationToken cancellationToken)
    {
        if (key.Token is not null)
        {
            if (!OneTimeToken.LooksValid(key.Token))
                return null;
            var hash = OneTimeToken.Hash(key.Token);
            return await db.SurveyInvitations.AsNoTracking()
                .FirstOrDefaultAsync(i => i.TokenHash == hash || i.ReminderTokenHash == hash || i.TextTokenHash == hash, cancellationToken);
        }
        if (key.InvitationId is { } id && key.PatientId is { } patientId)
            return await db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.PatientId == patientId && i.Status != InvitationStatus.Scheduled, cancellationToken);
        return null;
    }

    private async Task<SurveyView> DescribeAsync(SurveyInvitation invitation, CancellationToken cancellationToken)
    {
        var info = await db.SurveyInvitations.AsNoTracking().Where(i => i.Id == invitation.Id)
            .Select(i => new
            {
                Language = db.Patients.Where(p => p.Id == i.PatientId).Select(p => p.PreferredLanguage).First(),
                Clinician = db.StaffMembers.Where(s => s.Id == i.ClinicianId).Select(s => s.FirstName + " " + s.LastName).First(),
                Department = db.Departments.Where(d => d.Id == i.DepartmentId).Select(d => d.Name).First(),
                Service = db.ClinicServices.Where(s => s.Id == i.ServiceId).Select(s => s.Name).First(),
                i.QuestionnaireVersion!.QuestionsJson,
            })
            .FirstAsync(cancellationToken);
        return new SurveyView(invitation.Id, invitation.PatientId, info.Language, info.Clinician, info.Department, info.Service,
            invitation.VisitStartUtc, invitation.ExpiresAtUtc, Questionnaire.Parse(info.QuestionsJson)) { Draft = DraftOf(invitation) };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey invitation {InvitationId} answered as response {ResponseId} ({TriggerCount} follow-up triggers)")]
    private partial void LogAnswered(int invitationId, int responseId, int triggerCount);
}
