using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Account;

public class RegisterTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static KeyValuePair<string, string>[] Form(string email, string password = "a long enough password") =>
    [
        new("FirstName", "Rosa"), new("LastName", "Lindqvist"), new("DateOfBirth", "1984-05-17"),
        new("Email", email), new("Phone", "555-010-4477"), new("PreferredLanguage", "en"),
        new("Password", password), new("ConfirmPassword", password),
    ];

    [Fact]
    public async Task RegisterThenConfirmLinkFromOutboxThenSignInLandsOnPatientHome()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        const string email = "rosa.register@example.com";

        using var registered = await browser.SubmitAsync("/account/register", "/account/register", Form(email), ct);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/account/registerconfirmation", registered.Headers.Location?.OriginalString);

        // Not confirmed yet: sign-in is refused with a reason.
        using var early = await browser.LoginAsync(email, "a long enough password", ct);
        Assert.Contains("confirm your email", (await Browser.ReadAsync(early, ct)).MainText());

        var mail = Assert.Single(await factory.MessagesToAsync(email, ct));
        Assert.Contains("Confirm your email", mail.Subject);
        var confirmed = await browser.GetPageAsync(OutboxReader.LinkIn(mail), ct);
        Assert.Contains("Email confirmed", confirmed.MainText());

        await browser.SignInAsync(email, ct, "a long enough password");
        using var home = await browser.Client.GetAsync("/", ct);
        Assert.Equal("/my", home.Headers.Location?.OriginalString);
        var my = await browser.GetPageAsync("/my", ct);
        Assert.Contains("Hello, Rosa", my.MainText());
        Assert.Matches(@"P-\d{6}", my.MainText());

        var interactions = await factory.WithDbAsync(db => db.Interactions.CountAsync(i => i.Patient!.Email == email, ct));
        Assert.Equal(1, interactions);
    }

    [Fact]
    public async Task ShowsMessagesBesideFieldsAndKeepsWhatWasTyped()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        var form = Form("not-an-email", "short").Select(f => f.Key == "FirstName" ? new KeyValuePair<string, string>("FirstName", "") : f);

        using var response = await browser.SubmitAsync("/account/register", "/account/register", form, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ReadAsync(response, ct);
        Assert.Equal("Enter your first name.", page.FieldError("FirstName"));
        Assert.Equal("Enter an email address like name@example.com.", page.FieldError("Email"));
        Assert.Equal("Use at least 12 characters for your password.", page.FieldError("Password"));
        Assert.Equal("Lindqvist", page.InputValue("LastName"));
        Assert.Equal("555-010-4477", page.InputValue("Phone"));
        Assert.Equal("", page.InputValue("Password"));
    }

    [Fact]
    public async Task UnreadableBirthDateGetsOnePlainMessageAndTheOtherFieldsAreStillChecked()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        const string email = "rosa.unreadable@example.com";
        var form = Form(email).Select(f => f.Key switch
        {
            "DateOfBirth" => new KeyValuePair<string, string>("DateOfBirth", "31/02/1984"),
            "Phone" => new KeyValuePair<string, string>("Phone", "ring me"),
            _ => f,
        });

        using var response = await browser.SubmitAsync("/account/register", "/account/register", form, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ReadAsync(response, ct);
        Assert.Equal("Enter the date of birth as year-month-day, for example 1980-04-23.", page.FieldError("DateOfBirth"));
        Assert.Contains("Enter a phone number we can call", page.FieldError("Phone"));
        Assert.Equal(email, page.InputValue("Email"));
        Assert.False(await factory.WithDbAsync(db => db.Patients.AnyAsync(p => p.Email == email, ct)));
    }

    [Fact]
    public async Task SecondRegistrationWithSameEmailCreatesNoAccountAndEmailsTheOwner()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        const string email = "rosa.twice@example.com";
        using var first = await browser.SubmitAsync("/account/register", "/account/register", Form(email), ct);
        using var second = await browser.SubmitAsync("/account/register", "/account/register", Form(email, "another long password"), ct);

        // The same answer either way, so the form does not reveal who has an account.
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var users = await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email, ct));
        Assert.Equal(1, users);
        var mails = await factory.MessagesToAsync(email, ct);
        Assert.Equal(2, mails.Count);
        Assert.Contains("already have an account", mails[1].Subject);
    }

    [Fact]
    public async Task TamperedConfirmationLinkIsRefusedKindly()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        const string email = "rosa.tamper@example.com";
        using var registered = await browser.SubmitAsync("/account/register", "/account/register", Form(email), ct);
        var link = OutboxReader.LinkIn(Assert.Single(await factory.MessagesToAsync(email, ct)));

        var page = await browser.GetPageAsync(link[..^6] + "AAAAAA", ct);
        Assert.Contains("Link not valid", page.MainText());
        var confirmed = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).FirstAsync(ct));
        Assert.False(confirmed);
    }

    [Fact]
    public async Task ACommonPasswordIsRefusedBesideTheFieldAndNoAccountIsMade()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        const string email = "rosa.common@example.com";
        using var response = await browser.SubmitAsync("/account/register", "/account/register", Form(email, "password1234"), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("This password is too easy to guess. Try a short sentence only you would think of.", (await Browser.ReadAsync(response, ct)).FieldError("Password"));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email, ct)));
        Assert.Empty(await factory.MessagesToAsync(email, ct));
    }
}
