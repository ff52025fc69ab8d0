using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Surveys;
using PatientExperience.DataGenerator;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>
/// A worked example for the standards' own dashboard figures (<see cref="StandardFiguresTests"/>), "last 30 days" against
/// the 30 days before, all Family Medicine visits, every invitation emailed:
/// <list type="bullet">
/// <item>this period, 20 answers to the CG-CAHPS visit survey: "appointment as soon as needed" 12 "Yes, definitely" of 20,
/// "seen within 15 minutes" 5 of 10 (10 skipped). The access composite is (60% + 50%) ÷ 2 = 55%, with n = (20 + 10) ÷ 2 = 15.</item>
/// <item>this period, 20 answers to the Friends and Family Test: 10 very good, 7 good, 1 neither, 1 poor, 1 don't know:
/// 17 ÷ 20 = 85% positive.</item>
/// <item>the period before, 40 invitations, 20 answered: access 2 of 20 and 1 of 10 (10%, n = 15).</item>
/// </list>
/// Every answer came through the email link: 40 of 40 this period, 20 of 40 before.
/// </summary>
public sealed class StandardFiguresFactory : GeneratedDataFactory
{
    protected override int Seed => 5;

    protected override async Task GenerateAsync(GeneratorContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var zone = context.Clock.Zone;
        var today = context.Clock.Today;
        var now = context.Clock.UtcNow;
        var patient = await db.Patients.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(cancellationToken);
        var department = await db.Departments.Where(d => d.Name == "Family Medicine").Select(d => d.Id).SingleAsync(cancellationToken);
        var clinician = await db.StaffMembers.Where(s => s.IsClinician && s.DepartmentId == department).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(cancellationToken);
        var service = await db.ClinicServices.Where(s => s.DepartmentId == department).OrderBy(s => s.Id).FirstAsync(cancellationToken);

        // Each standard's questionnaire, started from its template and published.
        async Task<QuestionnaireVersion> PublishedAsync(SurveyTemplate template)
        {
            var questionnaire = new Questionnaire(template.Name, null, null);
            questionnaire.SetDraft(template.Questions);
            db.Questionnaires.Add(questionnaire);
            await db.SaveChangesAsync(cancellationToken);
            var version = questionnaire.Publish(now);
            db.QuestionnaireVersions.Add(version);
            await db.SaveChangesAsync(cancellationToken);
            return version;
        }
        var cgCahps = await PublishedAsync(SurveyTemplates.CgCahpsVisit);
        var fft = await PublishedAsync(SurveyTemplates.FriendsFamily);

        // One visit a day, n days back, at 09:00; completed.
        async Task<List<Appointment>> VisitsAsync(int firstDayBack, int count)
        {
            var visits = new List<Appointment>();
            for (var i = 0; i < count; i++)
            {
                var local = today.AddDays(-firstDayBack - (i % 20)).ToDateTime(new TimeOnly(9, 0)).AddMinutes(30 * (i / 20));
                var startUtc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
                var visit = new Appointment(patient, clinician, service.Id,
                    new Slot(startUtc, startUtc.AddMinutes(service.DurationMinutes), startUtc, startUtc.AddMinutes(service.DurationMinutes), local),
                    InteractionChannel.Phone, TimeSpan.FromHours(24)) { CreatedAtUtc = startUtc.AddDays(-7) };
                visit.MarkArrived(startUtc.AddMinutes(-5));
                visit.MarkInRoom(startUtc.AddMinutes(5));
                visit.Complete(startUtc.AddMinutes(20));
                visits.Add(visit);
            }
            db.Appointments.AddRange(visits);
            await db.SaveChangesAsync(cancellationToken);
            return visits;
        }

        // Each visit's emailed invitation; with answers (by question key) it was answered through the email link.
        async Task InviteAsync(IReadOnlyList<Appointment> visits, QuestionnaireVersion version, Func<int, IReadOnlyDictionary<string, int?>?> answersOf)
        {
            for (var i = 0; i < visits.Count; i++)
            {
                var v = visits[i];
                var sent = v.CompletedAtUtc!.Value.AddHours(2);
                var invitation = new SurveyInvitation(patient, v.Id, version.Id, department, clinician, service.Id, v.StartUtc, v.CompletedAtUtc.Value, sent, sent.AddDays(14));
                var answers = answersOf(i);
                invitation.RestoreHistory(answers is null ? InvitationStatus.Expired : InvitationStatus.Answered, sent, true, null, answers is null ? null : sent.AddHours(3));
                db.SurveyInvitations.Add(invitation);
                await db.SaveChangesAsync(cancellationToken);
                if (answers is null)
                    continue;
                var response = new SurveyResponse(invitation, version, invitation.AnsweredAtUtc!.Value);
                response.SetChannel(ResponseChannel.EmailLink);
                response.SetAnswers(version.Questions.Where(q => q.IsNumeric).Select(q => new SurveyAnswer(q.Key, q.Dimension, q.Type, answers.GetValueOrDefault(q.Key))),
                    mayContact: false, recommend: null);
                db.SurveyResponses.Add(response);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        // "Yes, definitely" (3) for the first `top`, then "Yes, somewhat" (2) up to `answered`, then skipped.
        static int? Scale(int i, int top, int answered) => i < top ? 3 : i < answered ? 2 : null;

        await InviteAsync(await VisitsAsync(1, 20), cgCahps, i => new Dictionary<string, int?>
        {
            ["cg_appt_soon"] = i < 12 ? 3 : i < 18 ? 2 : 1,
            ["cg_seen_15min"] = Scale(i, 5, 10),
        });
        int[] fftAnswers = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 3, 2, 0];
        await InviteAsync(await VisitsAsync(1, 20), fft, i => new Dictionary<string, int?> { ["fft"] = fftAnswers[i] });
        await InviteAsync(await VisitsAsync(31, 40), cgCahps, i => i >= 20 ? null : new Dictionary<string, int?>
        {
            ["cg_appt_soon"] = Scale(i, 2, 20),
            ["cg_seen_15min"] = Scale(i, 1, 10),
        });
        await services.GetRequiredService<AppointmentRollups>().RebuildAllAsync(cancellationToken);
        await services.GetRequiredService<SurveyRollups>().RebuildAllAsync(cancellationToken);
    }
}

/// <summary>
/// The dashboard shows the standards' own figures with their intervals — a CG-CAHPS composite as the mean of its items'
/// top-box scores, the FFT % positive with "don't know" in the total — and the response rate by channel against the
/// previous period (issue 18 items 1 and 4). The numbers are the worked example of <see cref="StandardFiguresFactory"/>.
/// </summary>
public class StandardFiguresTests(StandardFiguresFactory factory) : IClassFixture<StandardFiguresFactory>
{
    private async Task<IHtmlDocument> PageAsync(CancellationToken ct)
    {
        await factory.EnsureDataAsync(ct);
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("manager@demo.test", ct);
        return await browser.GetPageAsync("/dashboard?period=30", ct);
    }

    [Fact]
    public async Task TheCgCahpsCompositeAndTheFftPositiveShowWithTheirIntervals()
    {
        var ct = TestContext.Current.CancellationToken;
        var metrics = DashboardPage.Metrics(await PageAsync(ct), "satisfaction");

        // (60% + 50%) ÷ 2, not the pooled 17 of 30 (56.7%); Wilson at p = 0.55, n = 15: 31.5–76.5%.
        var access = metrics["CG-CAHPS composite: access"];
        Assert.Equal("55.0%", access.Value);
        Assert.Equal("n = 15", access.N);
        Assert.Equal("95% interval 31.5–76.5%", access.Interval);
        // Before: (10% + 10%) ÷ 2 = 10%, n = 15 (Wilson 2.3–34.0%); z = 2.63, so the change is marked.
        Assert.StartsWith("Previous period: 10.0% (2.3–34.0%), n = 15", access.Previous, StringComparison.Ordinal);
        Assert.Equal("higher than the previous period", access.Change);
        // Nobody answered the other composites' questions: no number, no interval.
        Assert.Equal("n = 0", metrics["CG-CAHPS composite: office staff"].N);
        Assert.Null(metrics["CG-CAHPS composite: office staff"].Interval);

        // 17 of 20, "don't know" in the total; Wilson 64.0–94.8%.
        var fft = metrics["Friends and Family Test: % positive"];
        Assert.Equal("85.0%", fft.Value);
        Assert.Equal("n = 20", fft.N);
        Assert.Equal($"95% interval {DashboardPage.Wilson(17, 20)}", fft.Interval);
        Assert.Equal("95% interval 64.0–94.8%", fft.Interval);
    }

    [Fact]
    public async Task TheResponseRateByChannelIsComparedWithThePreviousPeriod()
    {
        var ct = TestContext.Current.CancellationToken;
        var (headers, rows) = DashboardPage.Table(await PageAsync(ct), ResponseChannels.TableKey);
        Assert.Equal(["Channel", "Invitations sent (n)", "Responses", "Response rate", "Response rate 95% interval",
            "Previous period", "Previous 95% interval", "Previous invitations (n)", "Change"], headers);
        // 40 of 40 by the email link against 20 of 40: marked. The patient's own page: 0 of 40 both times, no clear change.
        Assert.Equal(["Email link", "40", "40", "100.0%", DashboardPage.Wilson(40, 40), "50.0%", DashboardPage.Wilson(20, 40), "40", "higher"], rows[0]);
        Assert.Equal(["Text link", "0", "0", "–", "–", "–", "–", "0", "–"], rows[1]);
        Assert.Equal(["Patient's own page (signed in)", "40", "0", "0.0%", DashboardPage.Wilson(0, 40), "0.0%", DashboardPage.Wilson(0, 40), "40", "no clear change"], rows[2]);
    }
}
