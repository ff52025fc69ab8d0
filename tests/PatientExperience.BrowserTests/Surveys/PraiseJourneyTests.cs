using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Surveys;

/// <summary>
/// Praise reaches people: a patient's survey comment thanks their clinician by name (on a phone); the manager reads
/// it among the praise to pass on and passes it on; the clinician finds the words on their home page, without the
/// patient's name. Every page is checked with axe (SeesPageAsync).
/// </summary>
public class PraiseJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task APatientsThanksReachTheClinicianThroughTheirManager()
    {
        var ct = TestContext.Current.CancellationToken;
        var (link, clinicianId, patientId) = await SurveyInvites.AfterAVisitAsync(browser, null, "en", ct, clinicianEmail: "clinician@demo.test");
        var lastName = await browser.Portal.WithDbAsync(db => db.StaffMembers.Where(s => s.Id == clinicianId).Select(s => s.LastName).SingleAsync(ct));
        var patientName = await browser.Portal.WithDbAsync(db => db.Patients.Where(p => p.Id == patientId).Select(p => p.FirstName + " " + p.LastName).SingleAsync(ct));
        var thanks = $"Dr {lastName} was wonderful and explained everything clearly";

        await using (var patient = await browser.OpenAsync(Viewport.Phone))
        {
            await patient.GoToAsync(link);
            await patient.SeesPageAsync("How was your visit?", "survey");
            // Each screen: the last answer of every question, the comment where it is asked, then Next until Send.
            for (var screen = 0; screen < 8; screen++)
            {
                var lasts = await patient.Main.Locator("input[type=radio]").EvaluateAllAsync<string[]>(
                    "els => { const last = new Map(); els.forEach(e => last.set(e.name, e.id)); return [...last.values()]; }");
                foreach (var id in lasts)
                    await patient.Main.Locator($"label[for='{id}']").ClickAsync();
                if (await patient.Main.Locator("textarea[name='q_comment']").CountAsync() > 0)
                    await patient.Main.Locator("textarea[name='q_comment']").FillAsync(thanks + ". The parking was hard to find.");
                if (await patient.Main.Locator("button[value='send']").CountAsync() > 0)
                    break;
                var step = await patient.Page.Locator("#step-title").TextContentAsync();
                await patient.Main.Locator("button[value='next']").ClickAsync();
                await Expect(patient.Page.Locator("#step-title")).Not.ToHaveTextAsync(step!);
            }
            await patient.Main.Locator("button[value='send']").ClickAsync();
            await Expect(patient.Main).ToContainTextAsync("Thank you");
        }

        await using (var manager = await browser.OpenAsync(Viewport.Desktop))
        {
            await manager.SignInAsync("manager@demo.test");
            await manager.GoToAsync("/surveys/praise");
            await manager.SeesPageAsync("Praise to pass on", "praise-offers");
            var offer = manager.Main.Locator("li.card").Filter(new() { HasText = thanks });
            await Expect(offer).ToHaveCountAsync(1);
            await Expect(offer).Not.ToContainTextAsync("parking");
            await Expect(manager.Main).Not.ToContainTextAsync(patientName);
            await offer.GetByRole(AriaRole.Button, new() { Name = "Pass it on" }).ClickAsync();
            await manager.SeesPageAsync("Praise to pass on", "praise-passed-on");
            await Expect(manager.Main.Locator("li.card").Filter(new() { HasText = thanks })).ToHaveCountAsync(0);
        }

        await using (var clinician = await browser.OpenAsync(Viewport.Desktop))
        {
            await clinician.SignInAsync("clinician@demo.test");
            await clinician.SeesPageAsync("Hello, Sam", "clinician-praise");
            var mine = clinician.Page.Locator("#praise-for-me");
            await Expect(mine).ToContainTextAsync(thanks);
            await Expect(mine).Not.ToContainTextAsync(patientName);
        }
    }
}
