using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Surveys;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.DemoData;

/// <summary>
/// Survey invitations and answers for the demo clinic's completed visits, under the same rules as live ones
/// (frequency cap, delay, quiet hours, expiry, one reminder): about 30% answer, and patients who waited less
/// score higher. Deterministic for a seed; written with prepared INSERTs, so it adds about a second.
/// </summary>
public sealed partial class SurveyDemoSeeder(AppDbContext db, ClinicClock clock, DemoDataSeeder writer, ILogger logger)
{
    private const double ResponseRate = 0.3;
    private const double CommentShare = 0.4;
    private const double ContactShare = 0.35;
    private const double EmailedReminderShare = 0.7;

    private static readonly string[] PraiseComments =
    [
        "Lovely visit, the doctor was warm and very thorough.",
        "Quick check-in, seen on time and the nurse was great.",
        "Thank you, I felt listened to and everything was explained clearly.",
        "Clean, calm clinic and friendly reception.",
        "Booking online was easy and the visit itself was excellent.",
        "Really pleased with the care my son got.",
    ];

    private static readonly string[] MixedComments =
    [
        "The doctor was fine. Parking is a bit tight.",
        "Okay visit. I would like more early morning times.",
        "Average. The clinic could use more seats in the waiting area.",
        "I had to ask twice for a copy of my results letter.",
        "Fine overall, the forms took a while.",
    ];

    private static readonly string[] ComplaintComments =
    [
        "Waited almost an hour and nobody explained the delay.",
        "The receptionist was rude and dismissive when I asked about the wait.",
        "Felt rushed, the doctor barely looked up from the screen.",
        "The waiting room was dirty and the toilets were out of order.",
        "I was charged for a visit my insurance covers, and billing never called back.",
        "Terrible experience, the long wait made me late for work.",
    ];

    public async Task SeedAsync(int seed, DateTime nowUtc, CancellationToken ct)
    {
        var visits = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Completed && a.CompletedAtUtc != null)
            .OrderBy(a => a.CompletedAtUtc).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.PatientId, a.ClinicianId, a.ServiceId, a.Service!.DepartmentId, a.StartUtc, a.ArrivedAtUtc, a.SeenAtUtc, CompletedAtUtc = a.CompletedAtUtc!.Value })
            .ToListAsync(ct);
        if (visits.Count == 0)
            return;
        var stopwatch = Stopwatch.StartNew();
        var version = await db.QuestionnaireVersions.AsNoTracking().Include(v => v.Questionnaire)
            .Where(v => v.Questionnaire!.Name == DefaultQuestionnaire.Name).OrderByDescending(v => v.Number).FirstAsync(ct);
        var questions = version.Questions;
        var mayEmail = await db.Patients.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.ContactByEmail && p.Email != null, ct);
        var who = await db.Patients.AsNoTracking().ToDictionaryAsync(p => p.Id, p => new { p.DateOfBirth, p.PreferredLanguage }, ct);
        var analyzer = new CommentAnalyzer(await db.LexiconEntries.AsNoTracking().ToListAsync(ct));
        var settings = new SurveyOptions();
        var random = new Random(seed + 4);

        // 1. Invitations, under the live rules.
        var lastInvited = new Dictionary<int, DateTime>();
        var invitations = new List<SurveyInvitation>();
        var waits = new Dictionary<int, double>();
        var interactions = new List<Interaction>();
        foreach (var v in visits)
        {
            if (lastInvited.TryGetValue(v.PatientId, out var last) && v.CompletedAtUtc - last < TimeSpan.FromDays(settings.FrequencyCapDays))
                continue;
            lastInvited[v.PatientId] = v.CompletedAtUtc;
            var sendAfter = SurveyTiming.NextSendable(v.CompletedAtUtc.AddHours(settings.DelayHours), clock.Zone, settings.QuietHoursStart, settings.QuietHoursEnd);
            var invitation = new SurveyInvitation(v.PatientId, v.Id, version.Id, v.DepartmentId, v.ClinicianId, v.ServiceId, v.StartUtc, v.CompletedAtUtc,
                sendAfter, v.CompletedAtUtc.AddDays(settings.ExpiryDays));
            var emailed = mayEmail.GetValueOrDefault(v.PatientId);
            if (sendAfter > nowUtc)
            {
                invitations.Add(invitation);
                continue;
            }
            var wait = v.ArrivedAtUtc is { } arrived && v.SeenAtUtc is { } seen ? Math.Max(0, (seen - (arrived > v.StartUtc ? arrived : v.StartUtc)).TotalMinutes) : 10;
            var answers = random.NextDouble() < ResponseRate;
            var answeredAt = answers ? sendAfter.AddHours(random.NextDouble() < 0.6 ? random.Next(1, 30) : random.Next(30, 24 * 9)) : (DateTime?)null;
            if (answeredAt > nowUtc || answeredAt >= invitation.ExpiresAtUtc)
                answeredAt = null;
            var reminderAt = emailed && (answeredAt is null || answeredAt > sendAfter.AddDays(settings.ReminderAfterDays)) && sendAfter.AddDays(settings.ReminderAfterDays) <= nowUtc
                && random.NextDouble() < EmailedReminderShare ? sendAfter.AddDays(settings.ReminderAfterDays) : (DateTime?)null;
            var status = answeredAt is not null ? InvitationStatus.Answered : invitation.ExpiresAtUtc <= nowUtc ? InvitationStatus.Expired : InvitationStatus.Open;
            // A still-open emailed invitation past its reminder time had its reminder, as the live job would have sent
            // it then: otherwise a fresh demo start would send them all at once, weeks late.
            if (status == InvitationStatus.Open && emailed && reminderAt is null && sendAfter.AddDays(settings.ReminderAfterDays) <= nowUtc)
                reminderAt = sendAfter.AddDays(settings.ReminderAfterDays);
            invitation.RestoreHistory(status, sendAfter, emailed, reminderAt, answeredAt);
            invitations.Add(invitation);
            if (answeredAt is not null)
                waits[v.Id] = wait;
            interactions.Add(new Interaction(v.PatientId, null, emailed ? InteractionChannel.Email : InteractionChannel.Web, InteractionKind.Survey,
                TimelineSentence.Of(emailed ? "Survey invitation sent" : "Survey ready on the patient's page"), sendAfter) { CreatedAtUtc = sendAfter });
            if (answeredAt is { } at)
                interactions.Add(new Interaction(v.PatientId, null, InteractionChannel.Web, InteractionKind.Survey, TimelineSentence.Of("Answered the visit survey"), at) { CreatedAtUtc = at });
        }
        await writer.BulkInsertAsync(invitations, ct);

        // 2. Responses for the answered ones: a latent satisfaction that falls as the wait grows.
        var stored = await db.SurveyInvitations.AsNoTracking().Where(i => i.Status == InvitationStatus.Answered).OrderBy(i => i.Id).ToListAsync(ct);
        var responses = new List<SurveyResponse>();
        var planned = new Dictionary<int, Dictionary<string, int?>>();
        foreach (var invitation in stored)
        {
            var wait = waits[invitation.AppointmentId];
            var satisfaction = Math.Clamp(1.0 - (wait * 0.009) + Normal(random, 0.13), 0, 1);
            var values = new Dictionary<string, int?>();
            foreach (var q in questions.Where(q => q.IsNumeric))
            {
                values[q.Key] = q.Type switch
                {
                    _ when random.NextDouble() < 0.04 && q.Type != QuestionType.ContactConsent => null,
                    QuestionType.Frequency when q.Key == "wait_time" => wait <= 15 ? (random.NextDouble() < 0.8 ? 4 : 3) : wait <= 25 ? random.Next(2, 4) : random.Next(1, 3),
                    QuestionType.Frequency => Math.Clamp((int)Math.Round(1 + (satisfaction * 3) + Normal(random, 0.45)), 1, 4),
                    QuestionType.Rating or QuestionType.Recommend => Math.Clamp((int)Math.Round((satisfaction * 10.5) + Normal(random, 0.8)), 0, 10),
                    QuestionType.ContactConsent => random.NextDouble() < ContactShare ? 1 : 0,
                    _ => random.Next(0, 2),
                };
            }
            string? comment = null;
            if (random.NextDouble() < CommentShare)
            {
                var pool = satisfaction >= 0.7 ? PraiseComments : satisfaction >= 0.45 ? MixedComments : ComplaintComments;
                comment = pool[random.Next(pool.Length)];
            }
            var analysis = comment is null ? null : analyzer.Analyze(comment);
            var response = new SurveyResponse(invitation, version, invitation.AnsweredAtUtc!.Value);
            // The demo's history: an emailed invitation was answered through its link, any other from the patient's page.
            response.SetChannel(invitation.Emailed ? ResponseChannel.EmailLink : ResponseChannel.Portal);
            response.RecordCaseMix(who[invitation.PatientId].DateOfBirth, DateOnly.FromDateTime(clock.ToLocal(invitation.VisitStartUtc)), who[invitation.PatientId].PreferredLanguage);
            response.SetAnswers([], values.GetValueOrDefault("contact") == 1, values.GetValueOrDefault("recommend"));
            response.SetComment(comment, analysis);
            response.RecordTriggers(SurveyRules.Triggers(questions, values, analysis?.Sentiment));
            responses.Add(response);
            planned[invitation.Id] = values;
        }
        await writer.BulkInsertAsync(responses, ct);

        var ids = await db.SurveyResponses.AsNoTracking().Select(r => new { r.Id, r.InvitationId }).ToDictionaryAsync(r => r.InvitationId, r => r.Id, ct);
        var answerRows = new List<SurveyAnswer>();
        foreach (var (invitationId, values) in planned)
        {
            foreach (var q in questions.Where(q => q.IsNumeric))
                answerRows.Add(new SurveyAnswer(ids[invitationId], q.Key, q.Dimension, q.Type, values[q.Key]));
        }
        await writer.BulkInsertAsync(answerRows, ct);
        await writer.BulkInsertAsync(interactions, ct);
        LogSeeded(logger, invitations.Count, responses.Count, responses.Count(r => r.FollowUpOpened), stopwatch.ElapsedMilliseconds);

        // The demo's history was answered on the first questionnaire; from now on its visits get the CG-CAHPS visit set
        // as a new version (the old answers keep theirs).
        await SurveyReferenceData.MoveToTemplateAsync(db, DefaultQuestionnaire.Name, SurveyTemplates.CgCahpsVisit, nowUtc, ct);
    }

    private static double Normal(Random random, double sd) =>
        sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Invitations} survey invitations and {Responses} responses ({FollowUps} needing follow-up) in {ElapsedMs} ms")]
    private static partial void LogSeeded(ILogger logger, int invitations, int responses, int followUps, long elapsedMs);
}
