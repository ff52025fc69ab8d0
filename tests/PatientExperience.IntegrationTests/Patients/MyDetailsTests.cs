using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Interactions;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Patients;

/// <summary>A patient keeps their own phone, language and contact choices up to date.</summary>
public class MyDetailsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task PatientChangesPhoneLanguageAndContactChoicesAndTheNextPageSpeaksTheirLanguage()
    {
        var ct = TestContext.Current.CancellationToken;
        var (browser, email) = await NewPatientAsync("Lucia", "Moreno", ct);

        var page = await browser.GetPageAsync("/my/details", ct);
        // Stored in E.164, shown the way people write it here.
        Assert.Equal("(555) 010-4400", page.InputValue("Form.Phone"));
        // Email is chosen; text is offered because the number can get texts (issue 19).
        Assert.Equal("Email", page.QuerySelector("input[name='Form.Messages'][checked]")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='Form.Messages'][value='Text']"));
        Assert.Contains("We always email you about your visits: confirmations, changes and reminders.", page.MainText());
        using var saved = await browser.SubmitAsync(page, "/my/details",
        [
            new("Form.Phone", "555 010 4499"), new("Form.PreferredLanguage", "es"),
            new("Form.ContactByEmail", "false"), new("Form.ContactByPhone", "false"),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var my = await browser.GetPageAsync("/my", ct);
        Assert.Equal("Hola, Lucia", my.QuerySelector("h1")!.TextContent.Trim());
        // The confirmation is in the language just chosen, like the page it shows on (issue 15 item 13).
        Assert.Contains("Sus datos están guardados.", my.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Your details are saved.", my.Body!.TextContent, StringComparison.Ordinal);
        var patient = await factory.WithDbAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Email == email, ct));
        Assert.Equal("+15550104499", patient.Phone);
        Assert.Equal("es", patient.PreferredLanguage);
        Assert.False(patient.ContactByEmail);
        Assert.False(patient.ContactByPhone);
        Assert.True(await factory.WithDbAsync(db => db.Interactions.AnyAsync(i => i.PatientId == patient.Id && i.Kind == InteractionKind.Note, ct)));
    }

    /// <summary>
    /// A patient who wants no surveys and no calls still gets the messages they need: the booking confirmation and the
    /// reminder arrive by email, the only channel that reaches them.
    /// </summary>
    [Fact]
    public async Task APatientWhoTurnsOffOptionalContactStillGetsTheirConfirmationByEmail()
    {
        var ct = TestContext.Current.CancellationToken;
        var (browser, email) = await NewPatientAsync("Oren", "Falk", ct);
        using var saved = await browser.SubmitAsync(await browser.GetPageAsync("/my/details", ct), "/my/details",
            [new("Form.Phone", "555 010 4400"), new("Form.PreferredLanguage", "en"), new("Form.ContactByEmail", "false"), new("Form.ContactByPhone", "false")], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var booked = await Appointments.PatientBookingTests.BookFirstFreeTimeAsync(browser, "Annual physical", null, 0, ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);

        Assert.Contains(await factory.MessagesToAsync(email, ct), m => m.Subject.StartsWith("Your appointment is booked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongPhoneAndNoWayToReachUsAreExplainedAndNothingIsLostOrStored()
    {
        var ct = TestContext.Current.CancellationToken;
        var (browser, email) = await NewPatientAsync("Ravi", "Kapoor", ct);

        var page = await browser.GetPageAsync("/my/details", ct);
        using var refused = await browser.SubmitAsync(page, "/my/details",
        [
            new("Form.Phone", "call me maybe"), new("Form.PreferredLanguage", "es"),
            new("Form.ContactByEmail", "false"), new("Form.ContactByPhone", "false"),
        ], ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await Browser.ReadAsync(refused, ct);
        Assert.Contains("Enter a phone number we can call, with its area code", again.FieldError("Form.Phone"));
        Assert.Equal("call me maybe", again.InputValue("Form.Phone"));
        Assert.Equal("es", again.QuerySelector("select[name='Form.PreferredLanguage'] option[selected]")?.GetAttribute("value"));

        var patient = await factory.WithDbAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Email == email, ct));
        Assert.Equal("+15550104400", patient.Phone);
        Assert.Equal("en", patient.PreferredLanguage);
    }

    private async Task<(Browser Browser, string Email)> NewPatientAsync(string first, string last, CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        var email = $"{first}.{last}@example.com".ToLowerInvariant();
        using var registered = await browser.SubmitAsync("/account/register", "/account/register",
        [
            new("FirstName", first), new("LastName", last), new("DateOfBirth", "1981-02-03"), new("Email", email),
            new("Phone", "555 010 4400"), new("PreferredLanguage", "en"), new("Password", Password), new("ConfirmPassword", Password),
        ], ct);
        await browser.GetPageAsync(OutboxReader.LinkIn(Assert.Single(await factory.MessagesToAsync(email, ct))), ct);
        await browser.SignInAsync(email, ct, Password);
        return (browser, email);
    }
}
