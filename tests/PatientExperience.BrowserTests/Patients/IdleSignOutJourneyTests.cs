using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Patients;

/// <summary>
/// Idle sign-out as a patient meets it on a phone, with the real 30 minutes: the browser's timers are fast-forwarded
/// (Playwright's clock) and the portal's clock moved on by the same time, so nothing waits. Two minutes before the end
/// a warning takes the focus and "Stay signed in" renews the sign-in; left alone, a half-written complaint is kept,
/// the sign-in page says why, and signing in again brings the typed text back.
/// </summary>
public partial class IdleSignOutJourneyTests(IdlePortal browser) : IClassFixture<IdlePortal>
{
    private const string Complaint = "The lift to the second floor was out of order and nobody told us at the desk.";

    [GeneratedRegex(@"/account/login\?reason=idle&returnUrl=%2Fmy%2Fcomplaints%2Fnew&kept=1$")]
    private static partial Regex SignedOutForIdleTime();

    [GeneratedRegex(@"/my/complaints/new$")]
    private static partial Regex ComplaintForm();

    [Fact]
    public async Task APatientWarnedBeforeTheEndStaysSignedIn()
    {
        await using var patient = await browser.OpenAsync(Viewport.Phone);
        await patient.Page.Clock.InstallAsync();
        await patient.SignInAsync("patient@demo.test");
        await patient.GoToAsync("/my/complaints/new");
        await patient.SeesPageAsync("Make a complaint", "complaint-new-patient");
        await patient.Field("What happened").FillAsync(Complaint);

        await PassAsync(patient, TimeSpan.FromMinutes(28) + TimeSpan.FromSeconds(5));

        var warning = patient.Page.GetByRole(AriaRole.Alertdialog, new() { Name = "Are you still there?" });
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync("You will be signed out in 2 minutes because nothing has happened for a while.");
        var stay = warning.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" });
        await Expect(stay).ToBeFocusedAsync();
        await Expect(warning.GetByRole(AriaRole.Button, new() { Name = "Sign out now" })).ToBeVisibleAsync();
        await patient.SeesPageAsync("Make a complaint", "idle-warning");

        await stay.PressAsync("Enter");

        await Expect(warning).ToBeHiddenAsync();
        // The portal renewed the sign-in: 30 minutes again from now, although 28 have passed since signing in.
        var left = await patient.Page.EvaluateAsync<int>("() => fetch('/account/session').then(r => r.json()).then(a => a.remainingSeconds)");
        Assert.InRange(left, 1740, 1800);
        await Expect(patient.Field("What happened")).ToHaveValueAsync(Complaint);
        Assert.Equal("complaint", await patient.Page.EvaluateAsync<string>("() => document.querySelector('form[data-keep-draft]').dataset.keepDraft"));
    }

    [Fact]
    public async Task APatientSignedOutMidComplaintFindsTheirTextAfterSigningInAgain()
    {
        await using var patient = await browser.OpenAsync(Viewport.Phone);
        await patient.Page.Clock.InstallAsync();
        await patient.SignInAsync("patient@demo.test");
        await patient.GoToAsync("/my/complaints/new");
        await patient.SeesPageAsync("Make a complaint", "complaint-new-patient");
        await patient.Field("What is it about?").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var category = await patient.Field("What is it about?").InputValueAsync();
        await patient.Field("What happened").FillAsync(Complaint);

        await PassAsync(patient, TimeSpan.FromMinutes(28) + TimeSpan.FromSeconds(5));
        await Expect(patient.Page.GetByRole(AriaRole.Alertdialog)).ToBeVisibleAsync();
        await PassAsync(patient, TimeSpan.FromMinutes(2));

        await Expect(patient.Page).ToHaveURLAsync(SignedOutForIdleTime());
        await Expect(patient.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            "You were signed out because nothing happened for 30 minutes. What you typed is kept: sign in to carry on.");
        await patient.SeesPageAsync("Sign in", "signed-out-idle");
        // Kept in this tab only, without the page's antiforgery token or one-time form key.
        var draft = await patient.Page.EvaluateAsync<string>(
            "() => Object.keys(sessionStorage).filter(k => k.startsWith('pe.draft:')).map(k => sessionStorage.getItem(k)).join()");
        Assert.Contains(Complaint, draft, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("__FormKey", draft, StringComparison.Ordinal);

        await patient.Field("Email address").FillAsync("patient@demo.test");
        await patient.Field("Password").FillAsync(PortalServer.DemoPassword);
        await patient.Button("Sign in").ClickAsync();

        await Expect(patient.Page).ToHaveURLAsync(ComplaintForm());
        await Expect(patient.Field("What happened")).ToHaveValueAsync(Complaint);
        await Expect(patient.Field("What is it about?")).ToHaveValueAsync(category);
        await Expect(patient.Main.GetByRole(AriaRole.Status)).ToHaveTextAsync("We kept what you typed.");
        await patient.SeesPageAsync("Make a complaint", "complaint-restored");
        // Put back once: the draft is gone from the browser.
        Assert.Equal(0, await patient.Page.EvaluateAsync<int>("() => Object.keys(sessionStorage).filter(k => k.startsWith('pe.draft:')).length"));
    }

    [Fact]
    public async Task APatientBusyInAnotherTabIsNotWarnedInThisOne()
    {
        await using var patient = await browser.OpenAsync(Viewport.Phone, screenshots: false);
        await patient.Page.Clock.InstallAsync();
        await patient.SignInAsync("patient@demo.test");
        await patient.GoToAsync("/my/complaints/new");
        await patient.SeesPageAsync("Make a complaint", "complaint-new-patient");
        await patient.Field("What happened").FillAsync(Complaint);

        // A quarter of an hour later they look at their appointments in a second tab: the portal starts the 30 minutes again.
        await PassAsync(patient, TimeSpan.FromMinutes(15));
        var other = await patient.Page.Context.NewPageAsync();
        await other.GotoAsync("/appointments");
        await other.CloseAsync();

        // 28 minutes after the complaint tab opened, it asks the portal before warning, and finds 17 minutes left.
        var asked = await patient.Page.RunAndWaitForResponseAsync(
            () => PassAsync(patient, TimeSpan.FromMinutes(13) + TimeSpan.FromSeconds(5)), response => response.Url.EndsWith("/account/session", StringComparison.Ordinal));
        Assert.Equal(200, asked.Status);
        await Expect(patient.Page.GetByRole(AriaRole.Alertdialog)).ToBeHiddenAsync();
        await Expect(patient.Page).ToHaveURLAsync(ComplaintForm());
        await Expect(patient.Field("What happened")).ToHaveValueAsync(Complaint);
    }

    [Fact]
    public async Task APatientWhoSignedOutInAnotherTabIsNotToldTheyWereIdle()
    {
        await using var patient = await browser.OpenAsync(Viewport.Phone, screenshots: false);
        await patient.Page.Clock.InstallAsync();
        await patient.SignInAsync("patient@demo.test");
        await patient.GoToAsync("/my/complaints/new");
        await patient.SeesPageAsync("Make a complaint", "complaint-new-patient");
        await patient.Field("What happened").FillAsync(Complaint);

        await PassAsync(patient, TimeSpan.FromMinutes(10));
        var other = await patient.Page.Context.NewPageAsync();
        await other.GotoAsync("/my");
        await other.EvaluateAsync("() => document.querySelector(\"form[action='/account/logout']\").submit()");
        await other.WaitForURLAsync(HomePage());
        await other.CloseAsync();

        // At the warning time the first tab finds the sign-in gone early: it keeps the text but does not blame idle time.
        await PassAsync(patient, TimeSpan.FromMinutes(18) + TimeSpan.FromSeconds(5));
        await Expect(patient.Page).ToHaveURLAsync(SignedOutElsewhere());
        await Expect(patient.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are signed out. What you typed is kept: sign in to carry on.");
        await patient.SeesPageAsync("Sign in", "signed-out-elsewhere");
    }

    [GeneratedRegex(@"^http://[^/]+/$")]
    private static partial Regex HomePage();

    [GeneratedRegex(@"/account/login\?returnUrl=%2Fmy%2Fcomplaints%2Fnew&kept=1$")]
    private static partial Regex SignedOutElsewhere();

    /// <summary>Time passes for the person: in the browser (its timers fire) and on the portal (the sign-in ages).</summary>
    private async Task PassAsync(Visit visit, TimeSpan time)
    {
        browser.Clock.Advance(time);
        await visit.Page.Clock.FastForwardAsync((long)time.TotalMilliseconds);
    }
}
