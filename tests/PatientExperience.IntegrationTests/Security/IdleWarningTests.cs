using System.Net;
using System.Text.Json;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

/// <summary>
/// The idle warning's server side (Identity/IdleSignOut): the status check tells the real time left without renewing it,
/// "Stay signed in" renews it (with the antiforgery token only), signed-out callers get a plain answer, and the sign-in
/// page says why the person was signed out. The warning itself is in the browser tests (IdleSignOutJourneyTests).
/// </summary>
public class IdleWarningTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task StaySignedInRenewsTheSignInAndCheckingTheTimeLeftDoesNot()
    {
        var ct = TestContext.Current.CancellationToken;
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync("patient@demo.test", ct);
        var page = await patient.GetPageAsync("/my", ct);

        var warning = page.QuerySelector("dialog#idle-warning[role=alertdialog]")!;
        Assert.NotNull(warning);
        Assert.Equal("1800", warning.GetAttribute("data-remaining-seconds"));
        Assert.Equal("You will be signed out in 2 minutes because nothing has happened for a while.", warning.QuerySelector("#idle-warning-text")!.TextContent.Trim());
        Assert.Contains(warning.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Stay signed in");
        Assert.Contains(warning.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Sign out now");
        Assert.Equal("/account/login?reason=idle&returnUrl=%2Fmy", warning.GetAttribute("data-signed-out-url"));
        Assert.Equal("/account/login?returnUrl=%2Fmy", warning.GetAttribute("data-sign-in-url"));

        // Asking how long is left, past half the time and past the security-stamp check, renews nothing.
        factory.Time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal((true, 600), await StatusAsync(patient, ct));
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal((true, 300), await StatusAsync(patient, ct));

        // "Stay signed in" (with the page's antiforgery token, as the warning sends it) starts the 30 minutes again.
        using (var stay = await patient.PostWithTokenAsync(page, "/account/staysignedin", [], ct))
        {
            Assert.Equal(HttpStatusCode.OK, stay.StatusCode);
            Assert.Equal((true, 1800), await ReadAsync(stay, ct));
        }
        Assert.Equal((true, 1800), await StatusAsync(patient, ct));

        // 50 minutes after signing in and 25 after staying, the patient is still signed in: the cookie really moved.
        factory.Time.Advance(TimeSpan.FromMinutes(25));
        using var later = await patient.Client.GetAsync("/my", ct);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task StaffStaySignedInForTheirOwnFifteenMinutes()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var page = await desk.GetPageAsync("/frontdesk", ct);
        Assert.Equal("900", page.QuerySelector("#idle-warning")!.GetAttribute("data-remaining-seconds"));
        Assert.Equal("/account/login?reason=idle-staff&returnUrl=%2Ffrontdesk", page.QuerySelector("#idle-warning")!.GetAttribute("data-signed-out-url"));

        factory.Time.Advance(TimeSpan.FromMinutes(13));
        Assert.Equal((true, 120), await StatusAsync(desk, ct));
        using var stay = await desk.PostWithTokenAsync(page, "/account/staysignedin", [], ct);
        Assert.Equal((true, 900), await ReadAsync(stay, ct));

        factory.Time.Advance(TimeSpan.FromMinutes(14));
        using var later = await desk.Client.GetAsync("/frontdesk", ct);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task StaySignedInWithoutTheAntiforgeryTokenIsRefusedAndRenewsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync("patient@demo.test", ct);
        factory.Time.Advance(TimeSpan.FromMinutes(20));

        using var forged = await patient.Client.PostAsync("/account/staysignedin", new FormUrlEncodedContent([]), ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal((true, 600), await StatusAsync(patient, ct));
    }

    [Fact]
    public async Task SomeoneSignedOutGetsAPlainAnswerNotAnError()
    {
        var ct = TestContext.Current.CancellationToken;
        var visitor = new Browser(factory.CreateBrowser());
        var login = await visitor.GetPageAsync("/account/login", ct);
        Assert.Null(login.QuerySelector("#idle-warning"));

        using (var status = await visitor.Client.GetAsync("/account/session", ct))
        {
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            var answer = await JsonAsync(status, ct);
            Assert.False(answer.GetProperty("signedIn").GetBoolean());
            Assert.Equal("You are signed out. Sign in again to carry on.", answer.GetProperty("message").GetString());
        }
        using (var stay = await visitor.PostWithTokenAsync(login, "/account/staysignedin", [], ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stay.StatusCode);
            Assert.Equal("You are signed out. Sign in again to carry on.", (await JsonAsync(stay, ct)).GetProperty("message").GetString());
        }

        // Too late: the 30 minutes are over before "Stay signed in" arrives.
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync("patient@demo.test", ct);
        var page = await patient.GetPageAsync("/my", ct);
        factory.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal((false, 0), await StatusAsync(patient, ct));
        using var late = await patient.PostWithTokenAsync(page, "/account/staysignedin", [], ct);
        Assert.True(late.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"answered {(int)late.StatusCode}");
        Assert.Equal((false, 0), await StatusAsync(patient, ct));
    }

    [Theory]
    [InlineData("en", "idle", "1", "You were signed out because nothing happened for 30 minutes. What you typed is kept: sign in to carry on.")]
    [InlineData("en", "idle-staff", "1", "You were signed out because nothing happened for 15 minutes. What you typed is kept: sign in to carry on.")]
    [InlineData("en", "idle", null, "You were signed out because nothing happened for 30 minutes. Sign in to carry on.")]
    [InlineData("es", "idle", "1", "Cerramos su sesión porque no hubo actividad durante 30 minutos. Lo que escribió está guardado: inicie sesión para continuar.")]
    [InlineData("es", "idle", null, "Cerramos su sesión porque no hubo actividad durante 30 minutos. Inicie sesión para continuar.")]
    [InlineData("zh-Hans", "idle", "1", "由于 30 分钟内没有任何操作，您已退出登录。您输入的内容已保留：请登录后继续。")]
    [InlineData("zh-Hans", "idle", null, "由于 30 分钟内没有任何操作，您已退出登录。请登录后继续。")]
    [InlineData("en", null, "1", "You are signed out. What you typed is kept: sign in to carry on.")]
    [InlineData("es", null, "1", "Su sesión está cerrada. Lo que escribió está guardado: inicie sesión para continuar.")]
    public async Task TheSignInPageSaysWhyTheyWereSignedOut(string culture, string? reason, string? kept, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var url = $"/account/login?returnUrl=%2Fmy%2Fcomplaints%2Fnew&culture={culture}" + (reason is null ? "" : $"&reason={reason}") + (kept is null ? "" : $"&kept={kept}");

        var page = await new Browser(factory.CreateBrowser()).GetPageAsync(url, ct);

        Assert.Equal(expected, page.QuerySelector("#signed-out-reason")?.TextContent.Trim());
        Assert.Equal("/my/complaints/new", page.InputValue("ReturnUrl"));
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/login?reason=nonsense")]
    public async Task AnOrdinarySignInSaysNothingAboutIdleTime(string url)
    {
        var page = await new Browser(factory.CreateBrowser()).GetPageAsync(url, TestContext.Current.CancellationToken);
        Assert.Null(page.QuerySelector("#signed-out-reason"));
    }

    [Theory]
    [InlineData("patient@demo.test", "/my/complaints/new", "/my/complaints/new")]
    [InlineData("patient@demo.test", "/my/details", "/my/details")]
    [InlineData("frontdesk@demo.test", "/complaints/new", "/complaints/new")]
    [InlineData("frontdesk@demo.test", "/frontdesk/register", "/frontdesk/register")]
    public async Task LongFormsKeepWhatWasTypedWhenTheTimeRunsOut(string email, string url, string action)
    {
        var ct = TestContext.Current.CancellationToken;
        var person = new Browser(factory.CreateBrowser());
        await person.SignInAsync(email, ct);
        var page = await person.GetPageAsync(url, ct);

        var form = page.Forms.Single(f => f.GetAttribute("action") == action && f.Method == "post");
        Assert.False(string.IsNullOrEmpty(form.GetAttribute("data-keep-draft")), $"The form on {url} does not keep a draft.");
        Assert.NotNull(page.QuerySelector("#idle-warning"));
    }

    private static async Task<(bool SignedIn, int Seconds)> StatusAsync(Browser browser, CancellationToken ct)
    {
        using var response = await browser.Client.GetAsync("/account/session", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The check itself never sends a new sign-in cookie.
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("pe.auth=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        return await ReadAsync(response, ct);
    }

    private static async Task<(bool SignedIn, int Seconds)> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var answer = await JsonAsync(response, ct);
        return (answer.GetProperty("signedIn").GetBoolean(), answer.GetProperty("remainingSeconds").GetInt32());
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return document.RootElement.Clone();
    }
}
