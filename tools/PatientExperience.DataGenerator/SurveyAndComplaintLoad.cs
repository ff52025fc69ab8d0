using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Surveys;
using PatientExperience.Infrastructure.Dashboards;

namespace PatientExperience.DataGenerator;

/// <summary>
/// Survey answers for the load data's completed visits: one invitation per visit (oldest first, until there are
/// enough), about 30% answered, every numeric question of the default questionnaire answered (4% skipped), scores that
/// fall as the visit's wait grows, and a comment on about one response in six. "--answers N" is the number of answers
/// (about ten per response). Run after "--appointments": it needs completed visits without an invitation.
/// As in the live portal, an unhappy response (<see cref="SurveyRules.Triggers"/>: a low recommend or overall score, the
/// bottom answer on a key question, a negative comment) records its triggers and opens a service-recovery case owned by
/// the department's manager, with a line on the patient's timeline; cases older than a few weeks have been followed up
/// and closed. The cases are written past the SaveChanges interceptor: rebuild the complaint rollups after this step
/// (the complaints step does).
/// </summary>
public sealed class SurveyLoad : IGeneratorStep
{
    private const double ResponseRate = 0.3;
    private static readonly string[] Comments =
    [
        "The nurse was kind and explained everything clearly.",
        "Waited far too long and nobody told us why.",
        "Quick and friendly, thank you.",
        "The front desk was rude on the phone.",
        "Clean clinic, easy to book online.",
        "The doctor did not listen to my concerns.",
    ];

    public string Option => "--answers";

    public async Task<int> RunAsync(GeneratorContext context, int count, int days, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var random = context.Random;
        var version = await db.QuestionnaireVersions.AsNoTracking().Include(v => v.Questionnaire)
            .Where(v => v.Questionnaire!.Name == DefaultQuestionnaire.Name).OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
        var questions = version.Questions.Where(q => q.IsNumeric).ToList();
        var analyzer = new CommentAnalyzer(await db.LexiconEntries.AsNoTracking().ToListAsync(cancellationToken));
        var analyses = Comments.ToDictionary(c => c, c => analyzer.Analyze(c));
        var responsesWanted = (count + questions.Count - 1) / questions.Count;
        var invitationsWanted = (int)Math.Ceiling(responsesWanted / ResponseRate);

        var visits = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Completed && a.CompletedAtUtc != null && !db.SurveyInvitations.Any(i => i.AppointmentId == a.Id))
            .OrderBy(a => a.Id).Take(invitationsWanted)
            .Select(a => new { a.Id, a.PatientId, a.ClinicianId, a.ServiceId, a.Service!.DepartmentId, a.StartUtc, a.ArrivedAtUtc, a.SeenAtUtc, CompletedAtUtc = a.CompletedAtUtc!.Value })
            .ToListAsync(cancellationToken);
        if (visits.Count < invitationsWanted)
            await context.Log.WriteLineAsync($"  only {visits.Count:N0} completed visits without an invitation: generate more --appointments for {count:N0} answers");

        // 1. Invitations (answered ones with their answer time).
        var invitations = new List<SurveyInvitation>(visits.Count);
        var waits = new Dictionary<int, int?>();
        foreach (var v in visits)
        {
            var sendAfter = v.CompletedAtUtc.AddHours(2);
            var invitation = new SurveyInvitation(v.PatientId, v.Id, version.Id, v.DepartmentId, v.ClinicianId, v.ServiceId, v.StartUtc, v.CompletedAtUtc,
                sendAfter, v.CompletedAtUtc.AddDays(14));
            var answered = waits.Count < responsesWanted && random.NextDouble() < ResponseRate;
            invitation.RestoreHistory(answered ? InvitationStatus.Answered : InvitationStatus.Expired, sendAfter, true, null,
                answered ? sendAfter.AddHours(random.Next(1, 72)) : null);
            if (answered)
                waits[v.Id] = WaitTimes.Minutes(v.StartUtc, v.ArrivedAtUtc, v.SeenAtUtc);
            invitations.Add(invitation);
        }
        await using (var writer = await BulkWriter.OpenAsync<SurveyInvitation>(db, cancellationToken))
        {
            foreach (var chunk in invitations.Chunk(BulkWriter.BatchSize))
                await writer.WriteAsync(chunk, cancellationToken);
        }

        // 2. Responses: a latent satisfaction that falls as the wait grows.
        var answeredIds = waits.Keys.ToHashSet();
        var stored = await db.SurveyInvitations.AsNoTracking().Where(i => i.Status == InvitationStatus.Answered && i.TokenHash == null)
            .OrderBy(i => i.Id).ToListAsync(cancellationToken);
        stored = [.. stored.Where(i => answeredIds.Contains(i.AppointmentId))];
        var responses = new List<SurveyResponse>(stored.Count);
        var planned = new Dictionary<int, int?[]>(stored.Count);
        var recoveries = new List<(SurveyInvitation Invitation, IReadOnlyList<Core.ServiceRecovery.RecoveryTrigger> Triggers, bool MayContact)>();
        foreach (var invitation in stored)
        {
            var wait = waits[invitation.AppointmentId] ?? 10;
            var satisfaction = Math.Clamp(1.0 - (wait * 0.009) + Normal(random, 0.13), 0, 1);
            var values = new int?[questions.Count];
            for (var q = 0; q < questions.Count; q++)
            {
                var question = questions[q];
                values[q] = question.Type switch
                {
                    _ when random.NextDouble() < 0.04 && question.Type != QuestionType.ContactConsent => null,
                    QuestionType.Frequency => Math.Clamp((int)Math.Round(1 + (satisfaction * 3) + Normal(random, 0.45)), 1, 4),
                    QuestionType.Rating or QuestionType.Recommend => Math.Clamp((int)Math.Round((satisfaction * 10.5) + Normal(random, 0.8)), 0, 10),
                    QuestionType.ContactConsent => random.NextDouble() < 0.4 ? 1 : 0,
                    _ => random.Next(0, 2),
                };
            }
            var response = new SurveyResponse(invitation, version, invitation.AnsweredAtUtc!.Value);
            var recommend = questions.FindIndex(q => q.Type == QuestionType.Recommend) is var r and >= 0 ? values[r] : null;
            var mayContact = questions.FindIndex(q => q.Type == QuestionType.ContactConsent) is var c and >= 0 && values[c] == 1;
            response.SetAnswers([], mayContact, recommend);
            Sentiment? sentiment = null;
            if (random.NextDouble() < 0.17)
            {
                var comment = satisfaction >= 0.6 ? Comments[random.Next(3) * 2 % 6] : Comments[(random.Next(3) * 2) + 1];
                response.SetComment(comment, analyses[comment]);
                sentiment = analyses[comment].Sentiment;
            }
            var triggers = SurveyRules.Triggers(questions, questions.Select((q, i) => (q.Key, Value: values[i])).ToDictionary(x => x.Key, x => x.Value), sentiment);
            response.RecordTriggers(triggers);
            if (triggers.Count > 0)
                recoveries.Add((invitation, triggers, mayContact));
            responses.Add(response);
            planned[invitation.Id] = values;
        }
        await using (var writer = await BulkWriter.OpenAsync<SurveyResponse>(db, cancellationToken))
        {
            foreach (var chunk in responses.Chunk(BulkWriter.BatchSize))
                await writer.WriteAsync(chunk, cancellationToken);
        }

        // 3. Answers.
        var ids = await db.SurveyResponses.AsNoTracking().Select(r => new { r.Id, r.InvitationId }).ToDictionaryAsync(r => r.InvitationId, r => r.Id, cancellationToken);
        var written = 0;
        var batch = new List<SurveyAnswer>(BulkWriter.BatchSize);
        await using (var writer = await BulkWriter.OpenAsync<SurveyAnswer>(db, cancellationToken))
        {
            foreach (var (invitationId, values) in planned)
            {
                for (var q = 0; q < questions.Count; q++)
                    batch.Add(new SurveyAnswer(ids[invitationId], questions[q].Key, questions[q].Dimension, questions[q].Type, values[q]));
                if (batch.Count >= BulkWriter.BatchSize)
                {
                    await writer.WriteAsync(batch, cancellationToken);
                    written += batch.Count;
                    batch.Clear();
                }
            }
            await writer.WriteAsync(batch, cancellationToken);
            written += batch.Count;
        }
        var cases = await OpenRecoveryCasesAsync(context, recoveries, ids, cancellationToken);
        await context.Log.WriteLineAsync($"  {invitations.Count:N0} invitations, {responses.Count:N0} responses, {cases:N0} service-recovery cases");
        return written;
    }

    /// <summary>
    /// A service-recovery case per unhappy response, as <see cref="ServiceRecoveryCases"/> opens it live (owner: the
    /// department's manager; "Other" category; the standard policy pack's clocks), plus its timeline line. Cases answered
    /// more than three weeks ago have been acknowledged, followed up and closed; newer ones are part way.
    /// </summary>
    private static async Task<int> OpenRecoveryCasesAsync(GeneratorContext context,
        List<(SurveyInvitation Invitation, IReadOnlyList<Core.ServiceRecovery.RecoveryTrigger> Triggers, bool MayContact)> recoveries,
        Dictionary<int, int> responseIds, CancellationToken cancellationToken)
    {
        if (recoveries.Count == 0)
            return 0;
        var db = context.Db;
        var now = context.Clock.UtcNow;
        var directory = new Infrastructure.Complaints.ComplaintStaffDirectory(db);
        var managers = new Dictionary<int, int?>();
        foreach (var department in recoveries.Select(x => x.Invitation.DepartmentId).Distinct())
            managers[department] = (await directory.DepartmentManagerAsync(department, cancellationToken))?.Id;
        var categoryId = await db.ComplaintCategories.AsNoTracking().Where(c => c.Name == ServiceRecoveryCases.CategoryName).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken)
            ?? await db.ComplaintCategories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => c.Id).FirstAsync(cancellationToken);
        var deadlines = new ComplaintDeadlines(new WorkingCalendar(context.Clock.Zone, []), PolicyPacks.Find(PolicyPacks.Standard));
        var answer = new WrittenResponse("We called the patient about their visit.", "We heard what went wrong.", "We shared it with the team.",
            "Practice manager", "You can ask the clinic director to review this response.");
        var taken = await db.Complaints.AsNoTracking().Select(c => c.Reference).ToListAsync(cancellationToken);
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var number = 800_000;

        var complaints = new List<Complaint>(recoveries.Count);
        var lines = new List<Core.Interactions.Interaction>(recoveries.Count);
        foreach (var (invitation, triggers, mayContact) in recoveries)
        {
            var at = invitation.AnsweredAtUtc!.Value;
            string reference;
            do
                reference = ComplaintReferenceCounter.Format(at.Year, number++);
            while (!used.Add(reference));
            var complaint = Complaint.ServiceRecovery(reference, invitation.PatientId, invitation.AppointmentId, invitation.DepartmentId, invitation.ClinicianId,
                managers[invitation.DepartmentId], categoryId, responseIds[invitation.Id], mayContact, string.Join(", ", triggers), at, deadlines);
            complaint.CreatedAtUtc = at;
            // Followed up by the manager: acknowledged within a working day, called and closed within three weeks.
            var owner = managers[invitation.DepartmentId];
            var ackAt = at.AddHours(2 + (invitation.Id % 20));
            if (ackAt < now && complaint.Acknowledge(owner, ackAt, deadlines).IsSuccess
                && ackAt.AddHours(4) < now && complaint.StartInvestigating(owner, ackAt.AddHours(4), deadlines).IsSuccess
                && ackAt.AddDays(5) < now && complaint.Respond(answer, owner, ackAt.AddDays(5), deadlines).IsSuccess
                && ackAt.AddDays(19) < now)
                complaint.Close(owner, ackAt.AddDays(19), deadlines);
            complaints.Add(complaint);
            lines.Add(new Core.Interactions.Interaction(invitation.PatientId, null, Core.Interactions.InteractionChannel.Web, Core.Interactions.InteractionKind.Complaint,
                $"Service recovery case {reference} opened from a survey answer", at) { CreatedAtUtc = at });
        }
        await using (var writer = await BulkWriter.OpenAsync<Complaint>(db, cancellationToken))
        {
            foreach (var chunk in complaints.Chunk(BulkWriter.BatchSize))
                await writer.WriteAsync(chunk, cancellationToken);
        }
        await using (var writer = await BulkWriter.OpenAsync<Core.Interactions.Interaction>(db, cancellationToken))
        {
            foreach (var chunk in lines.Chunk(BulkWriter.BatchSize))
                await writer.WriteAsync(chunk, cancellationToken);
        }
        return complaints.Count;
    }

    private static double Normal(Random random, double sd) =>
        sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>
/// Complaints spread over the last <c>days</c> days, played through the real state machine (acknowledged, investigated,
/// answered, closed; 8% acknowledged late, 12% answered late, the last few weeks still open) across the clinic's
/// departments, categories and severities. Their timelines (events) are left out: this is load data for the dashboard.
/// </summary>
public sealed class ComplaintLoad : IGeneratorStep
{
    public string Option => "--complaints";

    public async Task<int> RunAsync(GeneratorContext context, int count, int days, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var random = context.Random;
        var now = context.Clock.UtcNow;
        var categories = await db.ComplaintCategories.AsNoTracking().Select(c => c.Id).ToArrayAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Select(d => d.Id).ToArrayAsync(cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.IsClinician).Select(s => new { s.Id, s.DepartmentId }).ToArrayAsync(cancellationToken);
        var patients = await db.Patients.AsNoTracking().Select(p => p.Id).ToArrayAsync(cancellationToken);
        var calendar = new WorkingCalendar(context.Clock.Zone, []);
        var deadlines = new ComplaintDeadlines(calendar, PolicyPacks.Find(PolicyPacks.Standard));
        var severities = Enum.GetValues<ComplaintSeverity>();
        var response = new WrittenResponse("We reviewed the records.", "We found a delay on our side.", "We changed how we tell patients.", "Practice manager",
            "You can ask the clinic director to review this response.");

        var written = 0;
        var batch = new List<Complaint>(BulkWriter.BatchSize);
        await using (var writer = await BulkWriter.OpenAsync<Complaint>(db, cancellationToken))
        {
            while (written < count)
            {
                var received = now.AddMinutes(-random.Next(1, days * 24 * 60));
                var clinician = staff[random.Next(staff.Length)];
                var severity = severities[Math.Min(severities.Length - 1, (int)(-Math.Log(1 - random.NextDouble()) * 0.9))];
                var reference = ComplaintReferenceCounter.Format(received.Year, 500_000 + written);
                var complaint = new Complaint(reference, ComplaintKind.Complaint, patients[random.Next(patients.Length)], null, null, null,
                    Core.Interactions.InteractionChannel.Web, categories[random.Next(categories.Length)], severity, "Load data.", null, null,
                    clinician.DepartmentId ?? departments[random.Next(departments.Length)], random.NextDouble() < 0.5 ? clinician.Id : null, null, received, null, deadlines)
                {
                    CreatedAtUtc = received,
                };
                var ackAt = random.NextDouble() < 0.08 ? complaint.AcknowledgeDueAtUtc.AddDays(random.Next(1, 4)) : received.AddHours(random.Next(1, 40));
                if (ackAt < now && complaint.Acknowledge(null, ackAt, deadlines).IsSuccess)
                {
                    var investigateAt = ackAt.AddHours(random.Next(2, 30));
                    if (investigateAt < now && complaint.StartInvestigating(null, investigateAt, deadlines).IsSuccess)
                    {
                        var respondAt = random.NextDouble() < 0.12
                            ? complaint.ResponseDueAtUtc.AddDays(random.Next(1, 12))
                            : complaint.ResponseDueAtUtc.AddDays(-random.Next(1, 12));
                        if (respondAt <= investigateAt)
                            respondAt = investigateAt.AddHours(4);
                        if (respondAt < now && complaint.Respond(response, null, respondAt, deadlines).IsSuccess)
                        {
                            var closeAt = respondAt.AddDays(random.Next(7, 21));
                            if (closeAt < now)
                                complaint.Close(null, closeAt, deadlines);
                        }
                    }
                }
                batch.Add(complaint);
                written++;
                if (batch.Count == BulkWriter.BatchSize)
                {
                    await writer.WriteAsync(batch, cancellationToken);
                    batch.Clear();
                }
            }
            await writer.WriteAsync(batch, cancellationToken);
        }

        // Written past the SaveChanges interceptor: the complaint rollups are rebuilt from the rows.
        var rollups = new ComplaintRollups(db, context.Clock, new RollupLock(Infrastructure.Data.DatabaseDialect.Of(db)), NullLogger<ComplaintRollups>.Instance);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var cells = await rollups.RebuildAllAsync(cancellationToken);
        await context.Log.WriteLineAsync($"complaint rollups: {cells:N0} day cells in {stopwatch.Elapsed.TotalSeconds:N1} s");
        return written;
    }
}
