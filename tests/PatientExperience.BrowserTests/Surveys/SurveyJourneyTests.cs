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
        var link = (await SurveyInvites.AfterAVisitAsync(browser, "Blood pressure review", "en", TestContext.Current.CancellationToken)).Link;

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
}
