using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Surveys;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Surveys;

/// <summary>
/// A patient opens the survey link from their email and answers it; a low score opens a follow-up that shows
/// on the manager's view of the response. (The complaints feature adds the manager's case screen.)
/// </summary>
public class SurveyJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task PatientAnswersFromTheEmailAndALowScoreOpensAFollowUp(string screen)
    {
        var link = await InvitedAfterAVisitAsync();

        await using (var patient = await browser.OpenAsync(Viewport.Named(screen)))
        {
            await patient.GoToAsync(link);
            await patient.SeesPageAsync("How was your visit?", "survey");
            await Expect(patient.Main).ToContainTextAsync("Cardiology");

            await patient.Main.GetByRole(AriaRole.Group, new() { Name = "Did the clinician listen carefully to you?" }).GetByLabel("Never", new() { Exact = true }).CheckAsync();
            await patient.Main.GetByRole(AriaRole.Group, new() { Name = "Did the staff treat you with courtesy and respect?" }).GetByLabel("Sometimes", new() { Exact = true }).CheckAsync();
            // One screen at a time: Next keeps this screen's answers and shows the next one.
            await patient.Button("Next").ClickAsync();
            await patient.SeesPageAsync("How was your visit?", "survey-step-2");
            await Expect(patient.Main).ToContainTextAsync("Step 2 of 3: Your overall view");
            await patient.Main.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^Overall, how would you rate") }).GetByText("3", new() { Exact = true }).ClickAsync();
            await patient.Main.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^How likely are you to recommend") }).GetByText("2", new() { Exact = true }).ClickAsync();
            await patient.Button("Next").ClickAsync();
            await patient.SeesPageAsync("How was your visit?", "survey-step-3");
            await patient.Field("Is there anything you would like to tell us about your visit?").FillAsync("We waited an hour and nobody told us why.");
            await patient.Main.GetByRole(AriaRole.Group, new() { Name = "May we contact you about your answers?" }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
            await patient.Button("Send my answers").ClickAsync();

            await patient.SeesPageAsync("Thank you", "survey-thanks");
            await Expect(patient.Main).ToContainTextAsync("gone to the team's manager");

            // The link works once: after that it says so, in words (and a 409 status).
            await patient.Page.GotoAsync(link);
            await patient.SeesPageAsync("Already answered", "survey-already-answered", status: 409);
        }

        var responseId = await browser.Portal.WithDbAsync(db => db.SurveyResponses.Where(r => r.FollowUpOpened).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync(TestContext.Current.CancellationToken));
        await using var manager = await browser.OpenAsync(Viewport.Named(screen));
        await manager.SignInAsync("manager@demo.test");
        await manager.GoToAsync("/surveys/responses?followUp=true");
        await manager.SeesPageAsync("Survey responses", "survey-responses");
        await manager.Page.Locator($"a[href='/surveys/responses/{responseId}']").ClickAsync();
        await manager.SeesPageAsync("Survey response", "survey-response");
        await Expect(manager.Main).ToContainTextAsync("A follow-up case was opened");
        await Expect(manager.Main).ToContainTextAsync("Would not recommend us (0–6)");
        await Expect(manager.Main).ToContainTextAsync("Yes, the patient agreed to be contacted");
    }

    /// <summary>
    /// The clinic's side, done in the portal's own services: a demo patient with an email, not surveyed yet, has a
    /// Cardiology visit completed through the flow; two hours pass and the survey job sends the email. Returns its link.
    /// </summary>
    private async Task<string> InvitedAfterAVisitAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PatientExperience.Infrastructure.Data.AppDbContext>();
        var patient = await db.Patients.Where(p => p.ContactByEmail && p.Email != null && !db.SurveyInvitations.Any(i => i.PatientId == p.Id))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Email }).FirstAsync(ct);
        var service = await db.ClinicServices.Where(s => s.Name == "Blood pressure review").Select(s => new { s.Id, s.DepartmentId }).SingleAsync(ct);
        var clinician = await db.StaffMembers.Where(s => s.IsClinician && s.DepartmentId == service.DepartmentId).Select(s => s.Id).FirstAsync(ct);

        var now = DateTime.UtcNow;
        var start = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddHours(-1);
        var appointment = new Appointment(patient.Id, clinician, service.Id, new Slot(start, start.AddMinutes(15), start, start.AddMinutes(15), start), InteractionChannel.Phone, TimeSpan.FromHours(24));
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(ct);
        var flow = sp.GetRequiredService<VisitFlow>();
        foreach (var step in new[] { FlowStep.Arrived, FlowStep.InRoom, FlowStep.Completed })
            Assert.True((await flow.AdvanceAsync(appointment.Id, step, null, null, ct)).IsSuccess);

        // Two hours later, at a time of day outside quiet hours.
        await db.SurveyInvitations.Where(i => i.AppointmentId == appointment.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.SendAfterUtc, now.AddMinutes(-1)), ct);
        var anyTime = Options.Create(new SurveyOptions { QuietHoursStart = TimeOnly.MinValue, QuietHoursEnd = TimeOnly.MinValue });
        await ActivatorUtilities.CreateInstance<SurveyDispatcher>(sp, anyTime).RunOnceAsync(ct);

        var email = await db.OutboxMessages.AsNoTracking().Where(m => m.To == patient.Email && m.Subject == "How was your visit?").OrderByDescending(m => m.Id).FirstAsync(ct);
        var url = Regex.Match(email.TextBody, @"https?://\S+").Value;
        return new Uri(url).PathAndQuery;
    }
}
