using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Interactions;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.DemoData;

/// <summary>
/// Two years of complaints for the demo clinic, played through the real workflow (so deadlines, timelines and
/// states are what the app would have made): most acknowledged and answered on time, some late, a few settled at
/// first contact, the last weeks still open in every state (some unassigned, some due soon or overdue), and a
/// service-recovery case for every demo survey answer with a low score. Deterministic for a seed; a few hundred rows, well under a second.
/// </summary>
public sealed class ComplaintDemoSeeder(AppDbContext db, ClinicClock clock)
{
    private const int HistoryDays = 730;

    private static readonly string[] Categories = ["Waiting", "Staff attitude", "Communication", "Clinical care", "Billing", "Appointments", "Privacy", "Facilities", "Other"];
    private static readonly float[] CategoryWeights = [0.22f, 0.12f, 0.18f, 0.10f, 0.09f, 0.16f, 0.03f, 0.06f, 0.04f];
    private static readonly ComplaintSeverity[] Severities = [ComplaintSeverity.Low, ComplaintSeverity.Medium, ComplaintSeverity.High, ComplaintSeverity.Critical];
    private static readonly float[] SeverityWeights = [0.45f, 0.37f, 0.14f, 0.04f];
    private static readonly InteractionChannel[] Channels = [InteractionChannel.Phone, InteractionChannel.InPerson, InteractionChannel.Email, InteractionChannel.Letter, InteractionChannel.Web];
    private static readonly float[] ChannelWeights = [0.38f, 0.17f, 0.2f, 0.05f, 0.2f];

    private static readonly Dictionary<string, string[]> Stories = new()
    {
        ["Waiting"] = ["Waited over an hour past the appointment time with no explanation.", "The waiting room was full and nobody said how long it would be."],
        ["Staff attitude"] = ["Felt rushed and not listened to at the front desk.", "A staff member was dismissive when asked a question."],
        ["Communication"] = ["Test results were promised by phone but nobody called.", "Letters about a referral contradicted each other."],
        ["Clinical care"] = ["Feels the symptoms were not taken seriously at the first visit.", "A dressing was not changed as planned."],
        ["Billing"] = ["Was charged twice for the same visit.", "A bill arrived for a visit that was covered."],
        ["Appointments"] = ["The appointment was cancelled the day before with no alternative offered.", "Could not get through on the phone to book."],
        ["Privacy"] = ["Personal details were discussed loudly at the desk.", "A letter was sent to an old address."],
        ["Facilities"] = ["The accessible toilet was out of order.", "Parking was full and the signs were unclear."],
        ["Other"] = ["Unhappy with how a previous complaint was handled.", "The website gave the wrong opening hours."],
    };

    private static readonly string[] OutcomesWanted = ["An apology.", "An explanation of what went wrong.", "A refund.", "For it not to happen to anyone else.", ""];
    private static readonly string[] Apologies = ["Apologized and explained the delay; offered a call-back slot.", "Apologized and corrected the details while they waited."];
    private static readonly string[] Findings =
    [
        "The clinic ran late after an emergency and the front desk did not update waiting patients.",
        "Our records show the call-back was not booked. This was our mistake.",
        "The charge was duplicated by a billing error, now refunded.",
        "Staff followed the procedure, but we could have explained it better.",
    ];
    private static readonly string[] Changes =
    [
        "The front desk now tells waiting patients about delays every 20 minutes.",
        "Call-backs are now booked in the diary, not on paper.",
        "Billing runs a duplicate check every morning.",
        "We are reviewing how we explain this with the team this month.",
    ];
    private static readonly string[] RecoveryOutcomes = ["Called the patient, apologized and booked a follow-up.", "Patient did not want contact; shared the feedback with the team."];

    public async Task<int> SeedAsync(int seed, IReadOnlyList<int> patientIds, IReadOnlyList<int> departmentIds, int frontDeskId, int managerId, int perMonth,
        DateTime nowUtc, CancellationToken ct)
    {
        if (patientIds.Count == 0 || departmentIds.Count == 0 || perMonth <= 0)
            return 0;
        var random = new Random(seed ^ 0x5EED);
        var categoryIds = await db.ComplaintCategories.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var calendar = new WorkingCalendar(clock.Zone, []);
        var deadlines = new ComplaintDeadlines(calendar, PolicyPacks.Find(PolicyPacks.Standard));
        var counters = new Dictionary<int, int>();
        string NextReference(DateTime utc)
        {
            var year = calendar.LocalDate(utc).Year;
            counters[year] = counters.GetValueOrDefault(year) + 1;
            return ComplaintReferenceCounter.Format(year, counters[year]);
        }

        var total = perMonth * HistoryDays / 30;
        var receivedTimes = Enumerable.Range(0, total)
            .Select(_ => nowUtc.AddDays(-random.NextDouble() * HistoryDays))
            .Select(t => WorkingHour(calendar, t, random))
            .Where(t => t < nowUtc)
            .OrderBy(t => t)
            .ToList();

        var complaints = new List<Complaint>();
        var interactions = new List<Interaction>();
        foreach (var received in receivedTimes)
        {
            var category = Pick(random, Categories, CategoryWeights);
            var severity = Pick(random, Severities, SeverityWeights);
            var channel = Pick(random, Channels, ChannelWeights);
            var isPatient = random.NextDouble() < 0.82;
            int? patientId = isPatient ? patientIds[random.Next(patientIds.Count)] : null;
            var departmentId = departmentIds[random.Next(departmentIds.Count)];
            var outcomeWanted = OutcomesWanted[random.Next(OutcomesWanted.Length)];
            var byDesk = channel is InteractionChannel.Phone or InteractionChannel.InPerson ? frontDeskId : (int?)null;
            var complaint = new Complaint(NextReference(received), ComplaintKind.Complaint, patientId,
                isPatient ? null : $"{Pick(random, ["Jordan", "Casey", "Morgan", "Taylor", "Riley"], null)} {Pick(random, ["Reed", "Blake", "Hughes", "Price", "Lane"], null)}",
                null, isPatient ? null : $"555-01{random.Next(10, 99)}-{random.Next(1000, 9999)}",
                channel, categoryIds[category], severity, Stories[category][random.Next(2)], outcomeWanted.Length == 0 ? null : outcomeWanted,
                null, departmentId, null, null, received, byDesk, deadlines);
            PlayOut(complaint, random, deadlines, calendar, received, nowUtc, frontDeskId, managerId, severity);
            complaints.Add(complaint);
            if (patientId is { } pid)
                interactions.Add(new Interaction(pid, byDesk, channel, InteractionKind.Complaint, TimelineSentence.Of("Complaint {0} received", complaint.Reference), received));
        }

        // Every demo survey answer that met a low-score rule opened a follow-up, as the live portal does
        // (surveys are seeded first). Older cases have their outcome recorded within a few days.
        var lowScores = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.Triggers != "")
            .OrderBy(r => r.RespondedAtUtc)
            .Select(r => new { r.Id, r.PatientId, r.AppointmentId, r.DepartmentId, r.ClinicianId, r.MayContact, r.Triggers, r.RespondedAtUtc })
            .ToListAsync(ct);
        foreach (var r in lowScores)
        {
            var recovery = Complaint.ServiceRecovery(NextReference(r.RespondedAtUtc), r.PatientId, r.AppointmentId, r.DepartmentId, r.ClinicianId, managerId,
                categoryIds["Other"], r.Id, r.MayContact, r.Triggers, r.RespondedAtUtc, deadlines);
            var outcomeAt = r.RespondedAtUtc.AddDays(0.5 + (random.NextDouble() * 4));
            if (outcomeAt < nowUtc && random.NextDouble() < 0.9)
                recovery.RecordOutcome(RecoveryOutcomes[r.MayContact ? 0 : 1], managerId, outcomeAt, deadlines);
            complaints.Add(recovery);
            interactions.Add(new Interaction(r.PatientId, null, InteractionChannel.Web, InteractionKind.Complaint,
                $"Service recovery case {recovery.Reference} opened from a survey answer", r.RespondedAtUtc));
        }

        foreach (var complaint in complaints)
            RecordPastEscalations(complaint, managerId, nowUtc);
        db.Complaints.AddRange(complaints);
        db.Interactions.AddRange(interactions);
        foreach (var (year, last) in counters)
            db.ComplaintReferenceCounters.Add(new ComplaintReferenceCounter(year, last));
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        return complaints.Count;
    }

    private static void PlayOut(Complaint c, Random random, ComplaintDeadlines deadlines, WorkingCalendar calendar, DateTime received, DateTime now,
        int frontDeskId, int managerId, ComplaintSeverity severity)
    {
        var ageDays = (now - received).TotalDays;
        if (severity == ComplaintSeverity.Low && random.NextDouble() < 0.3)
        {
            c.ResolveAtFirstContact(Apologies[random.Next(Apologies.Length)], frontDeskId, received.AddMinutes(10), deadlines);
            if (ageDays > 15)
                c.Close(managerId, received.AddDays(14), deadlines);
            return;
        }
        // Recent ones: some still new and unassigned.
        if (ageDays < 4 && random.NextDouble() < 0.6)
            return;
        var ackLate = random.NextDouble() < 0.08;
        var ackAt = ackLate
            ? c.AcknowledgeDueAtUtc.AddDays(random.Next(1, 4))
            : At(calendar, calendar.AddWorkingDays(calendar.LocalDate(received), random.Next(0, 3)), received, random);
        if (ackAt >= now)
            return;
        c.Acknowledge(managerId, ackAt, deadlines);
        if (random.NextDouble() < 0.9)
            c.Assign(managerId, managerId, "Priya Shah", ackAt.AddMinutes(5));
        var investigateAt = ackAt.AddHours(random.Next(2, 30));
        if (investigateAt >= now)
            return;
        c.StartInvestigating(managerId, investigateAt, deadlines);
        var cursor = investigateAt;
        if (random.NextDouble() < 0.15)
        {
            var pauseAt = cursor.AddDays(random.Next(1, 5));
            if (pauseAt >= now)
                return;
            c.AwaitPatient(managerId, pauseAt, deadlines);
            var resumeAt = pauseAt.AddDays(random.Next(2, 8));
            if (resumeAt >= now)
                return;
            c.Resume(null, resumeAt, deadlines);
            cursor = resumeAt;
        }
        var late = random.NextDouble() < 0.12;
        var respondAt = late
            ? c.ResponseDueAtUtc.AddDays(random.Next(1, 12))
            : c.ResponseDueAtUtc.AddDays(-random.Next(1, 12)).AddHours(-6);
        if (respondAt <= cursor)
            respondAt = cursor.AddHours(4);
        if (respondAt >= now)
            return;
        var i = random.Next(Findings.Length);
        c.Respond(new WrittenResponse("We reviewed the records of the visit and spoke to the staff involved.", Findings[i], Changes[i], "Priya Shah, Practice manager",
            "If you are not happy with this response, you can ask the clinic director to review it, or contact the health ombudsman."), managerId, respondAt, deadlines);
        var closeAt = respondAt.AddDays(random.Next(7, 21));
        if (closeAt < now)
            c.Close(managerId, closeAt, deadlines);
    }

    /// <summary>
    /// The due-soon and overdue escalations the live job would have made by now, each at its time: otherwise the first
    /// round after a fresh demo start would escalate every open complaint whose deadline has passed at once.
    /// </summary>
    private static void RecordPastEscalations(Complaint c, int managerId, DateTime now)
    {
        if (c.NextDueAtUtc is not { } due)
            return;
        if (c.DueSoonAtUtc is { } soon && soon <= now && soon < due)
            c.RecordEscalation(ComplaintEscalator.DueSoonLevel, managerId, "Priya Shah", soon);
        if (due <= now)
            c.RecordEscalation(ComplaintEscalator.OverdueLevel, managerId, "Priya Shah", due);
    }

    private static DateTime At(WorkingCalendar calendar, DateOnly day, DateTime notBefore, Random random)
    {
        var local = day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(random.Next(0, 480));
        var utc = TimeZoneInfo.ConvertTimeToUtc(calendar.Zone.IsInvalidTime(local) ? local.AddHours(1) : local, calendar.Zone);
        return utc < notBefore ? notBefore.AddHours(1) : utc;
    }

    private static DateTime WorkingHour(WorkingCalendar calendar, DateTime utc, Random random)
    {
        var day = calendar.LocalDate(utc);
        while (!calendar.IsWorkingDay(day) && random.NextDouble() < 0.85)
            day = day.AddDays(1);
        var local = day.ToDateTime(new TimeOnly(8, 30)).AddMinutes(random.Next(0, 540));
        return TimeZoneInfo.ConvertTimeToUtc(calendar.Zone.IsInvalidTime(local) ? local.AddHours(1) : local, calendar.Zone);
    }

    private static T Pick<T>(Random random, T[] items, float[]? weights)
    {
        if (weights is null)
            return items[random.Next(items.Length)];
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < items.Length; i++)
        {
            roll -= weights[i];
            if (roll <= 0)
                return items[i];
        }
        return items[^1];
    }
}
