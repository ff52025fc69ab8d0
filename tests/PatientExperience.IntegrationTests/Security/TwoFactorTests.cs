using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Privacy;
using Serilog.Core;

namespace PatientExperience.IntegrationTests.Security;

/// <summary>The real rule: managers and admins need a second factor, demo accounts included.</summary>
public sealed class TwoFactorFactory : PortalFactory
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero));

    /// <summary>Every log event, to check the security events and that they carry no email address.</summary>
    public CapturingSink Sink { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:TwoFactorDemoAccountsExempt"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<ILogEventSink>(Sink);
        });
    }
}

public class TwoFactorTests(TwoFactorFactory factory) : IClassFixture<TwoFactorFactory>
{
    [Fact]
    public void TheTestsAuthenticatorMatchesRfc6238()
    {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits).
        Assert.Equal("94287082", AuthenticatorApp.CodeAt(Encoding.ASCII.GetBytes("12345678901234567890"), 59 / 30, 8));
    }

    [Fact]
    public async Task AManagerWithoutAnAppMustSetOneUpBeforeReachingAnyPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        using var login = await browser.LoginAsync("manager@demo.test", PortalFactory.DemoPassword, ct);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/twofactorsetup", login.Headers.Location!.OriginalString);

        // The password alone is not a sign-in.
        using var manager = await browser.Client.GetAsync("/manager", ct);
        Assert.Equal(HttpStatusCode.Redirect, manager.StatusCode);
        Assert.StartsWith("/account/login", manager.Headers.Location!.AbsolutePath);

        var setup = await browser.GetPageAsync("/account/twofactorsetup", ct);
        var key = setup.QuerySelector("#shared-key")!.TextContent;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.Contains($"secret={key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()}", setup.QuerySelector("#authenticator-uri")!.TextContent);
        Assert.StartsWith("otpauth://totp/", setup.QuerySelector("#authenticator-uri")!.TextContent);

        using var wrong = await browser.SubmitAsync(setup, "/account/twofactorsetup", [new("Code", WrongCode(key))], ct);
        var wrongPage = await Browser.ReadAsync(wrong, ct);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("not right", wrongPage.FieldError("Code"));
        Assert.Equal(key, wrongPage.QuerySelector("#shared-key")!.TextContent); // same key: the app set-up still holds

        using var right = await browser.SubmitAsync(wrongPage, "/account/twofactorsetup", [new("Code", AuthenticatorApp.CodeAt(key, factory.Time.GetUtcNow()))], ct);
        var codesPage = await Browser.ReadAsync(right, ct);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(10, codesPage.QuerySelectorAll("#recovery-codes li").Length);
        Assert.Contains("no-store", right.Headers.CacheControl?.ToString() ?? "");

        using var after = await browser.Client.GetAsync("/manager", ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task SignInAsksForTheCodeRefusesAWrongOneClearlyAndLocksOutAfterFive()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = await NewStaffAsync(PatientExperience.Core.Staff.Roles.Admin, ct);
        var (key, _) = await EnrolAsync(email, ct);

        var browser = new Browser(factory.CreateBrowser());
        var codePage = await PasswordThenCodePageAsync(browser, email, ct);
        using var wrong = await browser.SubmitAsync(codePage, "/account/twofactor", [new("Code", WrongCode(key))], ct);
        var wrongPage = await Browser.ReadAsync(wrong, ct);
        Assert.Contains("That code is not right", wrongPage.FieldError("Code"));
        using var letters = await browser.SubmitAsync(wrongPage, "/account/twofactor", [new("Code", "abc")], ct);
        Assert.Contains("Enter the 6 digits", (await Browser.ReadAsync(letters, ct)).FieldError("Code"));

        for (var i = 0; i < 4; i++)
        {
            using var again = await browser.SubmitAsync(wrongPage, "/account/twofactor", [new("Code", WrongCode(key))], ct);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
        // Five wrong codes: even the right one is refused now, with the reason.
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        using var locked = await browser.SubmitAsync(wrongPage, "/account/twofactor", [new("Code", AuthenticatorApp.CodeAt(key, factory.Time.GetUtcNow()))], ct);
        Assert.Contains("locked", (await Browser.ReadAsync(locked, ct)).MainText());
        using var admin = await browser.Client.GetAsync("/admin", ct);
        Assert.NotEqual(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task TheRightCodeSignsInAndTheSameCodeCannotBeUsedTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = await NewStaffAsync(PatientExperience.Core.Staff.Roles.Manager, ct);
        var (key, _) = await EnrolAsync(email, ct);
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        var code = AuthenticatorApp.CodeAt(key, factory.Time.GetUtcNow());

        var first = new Browser(factory.CreateBrowser());
        using var ok = await first.SubmitAsync(await PasswordThenCodePageAsync(first, email, ct), "/account/twofactor", [new("Code", code)], ct);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/manager", ct)).StatusCode);

        // Someone who saw the code over a shoulder tries it at once, with the password too.
        var second = new Browser(factory.CreateBrowser());
        using var replay = await second.SubmitAsync(await PasswordThenCodePageAsync(second, email, ct), "/account/twofactor", [new("Code", code)], ct);
        Assert.Contains("not right", (await Browser.ReadAsync(replay, ct)).FieldError("Code"));
    }

    [Fact]
    public async Task AReusedCodeIsRefusedLoggedByUserIdAndItsOwnerIsEmailed()
    {
        var ct = TestContext.Current.CancellationToken;
        var (email, key, code, events) = await EnrolledWithACodeAsync(PatientExperience.Core.Staff.Roles.Admin, ct);

        var owner = new Browser(factory.CreateBrowser());
        using (var ok = await owner.SubmitAsync(await PasswordThenCodePageAsync(owner, email, ct), "/account/twofactor", [new("Code", code)], ct))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        // A wrong code is only a wrong code: no alarm.
        var typo = new Browser(factory.CreateBrowser());
        using (var wrong = await typo.SubmitAsync(await PasswordThenCodePageAsync(typo, email, ct), "/account/twofactor", [new("Code", WrongCode(key))], ct))
            Assert.Contains("not right", (await Browser.ReadAsync(wrong, ct)).FieldError("Code"));
        Assert.Empty(events("already used"));
        Assert.Empty(await factory.MessagesToAsync(email, ct));

        // The same code again, ten seconds later, from another browser: refused, one security event, one email.
        factory.Time.Advance(TimeSpan.FromSeconds(10));
        var other = new Browser(factory.CreateBrowser());
        using var replay = await other.SubmitAsync(await PasswordThenCodePageAsync(other, email, ct), "/account/twofactor", [new("Code", code)], ct);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("not right", (await Browser.ReadAsync(replay, ct)).FieldError("Code"));
        Assert.NotEqual(HttpStatusCode.OK, (await other.Client.GetAsync("/admin", ct)).StatusCode);

        var logged = Assert.Single(events("already used"));
        Assert.Contains("Security event", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Sink.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(code, logged, StringComparison.Ordinal);

        var mail = Assert.Single(await factory.MessagesToAsync(email, ct));
        Assert.Contains("Someone entered a sign-in code that was already used.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("change it now", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("/account/forgotpassword", OutboxReader.LinkIn(mail));
        Assert.DoesNotContain(code, mail.TextBody, StringComparison.Ordinal);
        // The link leads to a real page where the owner starts a new password.
        Assert.NotNull((await other.GetPageAsync(OutboxReader.LinkIn(mail), ct)).QuerySelector("input[name='email']"));
    }

    [Fact]
    public async Task TheSameFormSentTwiceByTheOwnersBrowserIsRefusedWithoutAnAlarm()
    {
        var ct = TestContext.Current.CancellationToken;
        var (email, _, code, events) = await EnrolledWithACodeAsync(PatientExperience.Core.Staff.Roles.Manager, ct);

        // A double click: the browser sends the code form twice, both copies with the cookies it had before either answer.
        var cookies = new CookieContainer();
        var owner = new Browser(factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)));
        var codePage = await PasswordThenCodePageAsync(owner, email, ct);
        var twinCookies = new CookieContainer();
        twinCookies.Add(cookies.GetAllCookies());
        var twin = new Browser(factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(twinCookies)));
        using (var first = await owner.SubmitAsync(codePage, "/account/twofactor", [new("Code", code)], ct))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using (var second = await twin.SubmitAsync(codePage, "/account/twofactor", [new("Code", code)], ct))
            Assert.Contains("each works once", (await Browser.ReadAsync(second, ct)).FieldError("Code"));
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync("/manager", ct)).StatusCode);

        // Noted by user id, but no security event and no email: it was the owner.
        Assert.Single(events("sent again by the browser that had just used it"));
        Assert.Empty(events("already used"));
        Assert.Empty(await factory.MessagesToAsync(email, ct));

        // The same code from anyone else's browser still raises the alarm.
        factory.Time.Advance(TimeSpan.FromSeconds(5));
        var other = new Browser(factory.CreateBrowser());
        using (var replay = await other.SubmitAsync(await PasswordThenCodePageAsync(other, email, ct), "/account/twofactor", [new("Code", code)], ct))
            Assert.Contains("not right", (await Browser.ReadAsync(replay, ct)).FieldError("Code"));
        Assert.Single(events("already used"));
        Assert.Single(await factory.MessagesToAsync(email, ct));
    }

    [Fact]
    public async Task EachRecoveryCodeWorksOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = await NewStaffAsync(PatientExperience.Core.Staff.Roles.Admin, ct);
        var (_, codes) = await EnrolAsync(email, ct);

        var browser = new Browser(factory.CreateBrowser());
        await PasswordThenCodePageAsync(browser, email, ct);
        var recovery = await browser.GetPageAsync("/account/recoverycode", ct);
        using var used = await browser.SubmitAsync(recovery, "/account/recoverycode", [new("RecoveryCode", codes[0])], ct);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        var home = await browser.GetPageAsync("/admin", ct);
        Assert.Contains("You have 9 left", home.QuerySelector("[role=status], .alert")?.TextContent ?? home.Body!.TextContent);

        var thief = new Browser(factory.CreateBrowser());
        await PasswordThenCodePageAsync(thief, email, ct);
        using var again = await thief.SubmitAsync("/account/recoverycode", "/account/recoverycode", [new("RecoveryCode", codes[0])], ct);
        Assert.Contains("used already", (await Browser.ReadAsync(again, ct)).FieldError("RecoveryCode"));
        Assert.NotEqual(HttpStatusCode.OK, (await thief.Client.GetAsync("/admin", ct)).StatusCode);
    }

    [Fact]
    public async Task NewRecoveryCodesReplaceTheOldAndResettingTheAppMeansSettingUpAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = await NewStaffAsync(PatientExperience.Core.Staff.Roles.Manager, ct);
        var (_, oldCodes, browser) = await EnrolWithBrowserAsync(email, ct);

        var security = await browser.GetPageAsync("/account/security", ct);
        Assert.Contains("Recovery codes left: 10", security.MainText());
        using var regenerated = await browser.SubmitAsync(security, "/account/security/recoverycodes", [], ct);
        var newCodes = (await Browser.ReadAsync(regenerated, ct)).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        var other = new Browser(factory.CreateBrowser());
        await PasswordThenCodePageAsync(other, email, ct);
        using var old = await other.SubmitAsync("/account/recoverycode", "/account/recoverycode", [new("RecoveryCode", oldCodes[1])], ct);
        Assert.Contains("not right", (await Browser.ReadAsync(old, ct)).FieldError("RecoveryCode"));

        // Lost phone: reset, and the next sign-in sets up a new app.
        using var reset = await browser.SubmitAsync(await browser.GetPageAsync("/account/security", ct), "/account/security/reset", [], ct);
        Assert.StartsWith("/account/login", reset.Headers.Location!.OriginalString);
        using var login = await new Browser(factory.CreateBrowser()).LoginAsync(email, PortalFactory.DemoPassword, ct);
        Assert.StartsWith("/account/twofactorsetup", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheSetUpPageCannotReplaceAnAppWithThePasswordAlone()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = await NewStaffAsync(PatientExperience.Core.Staff.Roles.Admin, ct);
        await EnrolAsync(email, ct);

        var attacker = new Browser(factory.CreateBrowser());
        await PasswordThenCodePageAsync(attacker, email, ct);
        using var setup = await attacker.Client.GetAsync("/account/twofactorsetup", ct);
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        Assert.StartsWith("/account/twofactor", setup.Headers.Location!.OriginalString);
        Assert.DoesNotContain("setup", setup.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrontDeskAndPatientsAreNotAskedByDefault()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var who in new[] { "frontdesk@demo.test", "clinician@demo.test", "patient@demo.test" })
        {
            using var login = await new Browser(factory.CreateBrowser()).LoginAsync(who, PortalFactory.DemoPassword, ct);
            Assert.DoesNotContain("twofactor", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    private static string WrongCode(string key) => "000000" == AuthenticatorApp.CodeAt(key, DateTimeOffset.UnixEpoch) ? "111111" : "000000";

    private static async Task<IHtmlDocument> PasswordThenCodePageAsync(Browser browser, string email, CancellationToken ct)
    {
        using var login = await browser.LoginAsync(email, PortalFactory.DemoPassword, ct);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/twofactor", login.Headers.Location!.OriginalString);
        Assert.DoesNotContain("setup", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return await browser.GetPageAsync(login.Headers.Location!.OriginalString, ct);
    }

    /// <summary>
    /// A new staff member with the app set up, the code their app shows half a minute later, and the log lines about
    /// them that contain a given text (by user id: the log never holds their email).
    /// </summary>
    private async Task<(string Email, string Key, string Code, Func<string, string[]> Events)> EnrolledWithACodeAsync(string role, CancellationToken ct)
    {
        var email = await NewStaffAsync(role, ct);
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(ct));
        var (key, _) = await EnrolAsync(email, ct);
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        return (email, key, AuthenticatorApp.CodeAt(key, factory.Time.GetUtcNow()),
            text => [.. factory.Sink.Lines.Where(l => l.Contains(text, StringComparison.Ordinal) && l.Contains(userId, StringComparison.Ordinal))]);
    }

    private async Task<(string Key, List<string> Codes)> EnrolAsync(string email, CancellationToken ct)
    {
        var (key, codes, _) = await EnrolWithBrowserAsync(email, ct);
        return (key, codes);
    }

    private async Task<(string Key, List<string> Codes, Browser Browser)> EnrolWithBrowserAsync(string email, CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        using var login = await browser.LoginAsync(email, PortalFactory.DemoPassword, ct);
        var setup = await browser.GetPageAsync(login.Headers.Location!.OriginalString, ct);
        var key = setup.QuerySelector("#shared-key")!.TextContent;
        using var done = await browser.SubmitAsync(setup, "/account/twofactorsetup", [new("Code", AuthenticatorApp.CodeAt(key, factory.Time.GetUtcNow()))], ct);
        var codes = (await Browser.ReadAsync(done, ct)).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes, browser);
    }

    /// <summary>A staff login of its own per test, so lockouts and used codes do not leak between tests.</summary>
    private async Task<string> NewStaffAsync(string role, CancellationToken ct)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, PortalFactory.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }
}

/// <summary>Production with the demo exemption switched on by mistake (the base factory sets it): it must be ignored.</summary>
public sealed class ProductionTwoFactorFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public sealed class DevelopmentTwoFactorFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}
