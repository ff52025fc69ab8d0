using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PatientExperience.Core.Common;
using PatientExperience.Core.Patients;
using PatientExperience.Infrastructure.Data;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sms;

/// <summary>
/// Phone numbers read with libphonenumber in the clinic's country, stored in E.164, shown in the national format; text
/// offered only for a number that can get texts; Pickup delivery writes each text to a file (issue 19).
/// </summary>
public class PhoneNumberTests(PickupSmsPortal portal) : IClassFixture<PickupSmsPortal>
{
    [Theory]
    [InlineData("en", "Enter a phone number we can call, with its area code, for example (555) 010-0123.")]
    [InlineData("es", "Escriba un teléfono al que podamos llamar, con su código de área, por ejemplo (555) 010-0123.")]
    [InlineData("zh-Hans", "请输入我们可以拨打的电话号码，包括区号，例如 (555) 010-0123。")]
    public async Task ANumberThatCannotBeDialledIsRefusedInThePatientsLanguage(string language, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(portal.CreateBrowser());
        // No area code in North America starts with 1: digits enough, but not a phone number.
        using var refused = await browser.SubmitAsync($"/account/register?culture={language}", "/account/register",
        [
            new("FirstName", "Wen"), new("LastName", "Li"), new("DateOfBirth", "1981-02-03"), new("Email", $"wen.{language}@example.com"),
            new("Phone", "(123) 456-7890"), new("PreferredLanguage", language), new("Password", SmsPortal.Password), new("ConfirmPassword", SmsPortal.Password),
        ], ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Browser.ReadAsync(refused, ct);
        Assert.Equal(message, page.FieldError("Phone"));
        Assert.False(await portal.WithDbAsync(db => db.Patients.AnyAsync(p => p.Email == $"wen.{language}@example.com", ct)));
    }

    [Fact]
    public async Task EveryPageShowsTheClinicsNumberTheWayPatientsDialIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await new Browser(portal.CreateBrowser()).GetPageAsync("/?culture=es", ct);
        // Configured as "+1 555 010 0100": shown as a caller here writes it, dialled in full.
        Assert.Equal("(555) 010-0100", page.QuerySelector("footer a[href='tel:+15550100100']")?.TextContent);
    }

    [Fact]
    public async Task TheFrontDeskRegistersACallerInE164AndSeesTheNationalFormat()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = new Browser(portal.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        using var bad = await desk.SubmitAsync("/frontdesk/register", "/frontdesk/register",
            [new("FirstName", "Cal"), new("LastName", "Lerr"), new("DateOfBirth", "1970-01-02"), new("Phone", "555 010 01")], ct);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal(ValidationExtensions.InvalidPhoneMessage, (await Browser.ReadAsync(bad, ct)).FieldError("Phone"));

        using var registered = await desk.SubmitAsync("/frontdesk/register", "/frontdesk/register",
            [new("FirstName", "Cal"), new("LastName", "Lerr"), new("DateOfBirth", "1970-01-02"), new("Phone", "555.010.3377")], ct);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var patient = await portal.WithDbAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.LastName == "Lerr", ct));
        Assert.Equal("+15550103377", patient.Phone);
        var record = await desk.GetPageAsync($"/patients/{patient.Id}", ct);
        Assert.Equal("(555) 010-3377", record.QuerySelector("a[href='tel:+15550103377']")?.TextContent);
        // No email and no text: the desk sees that this caller is phoned.
        Assert.Equal("phone call (no email, no text)", record.QuerySelector("[data-visit-messages]")?.TextContent);
        // Found however the number is typed.
        Assert.Contains("Lerr", (await desk.GetPageAsync("/patients?q=(555)+010-3377", ct)).MainText());
    }

    [Fact]
    public async Task TextIsOfferedOnlyForANumberThatCanGetTextsAndTheDeskSeesTheChoice()
    {
        var ct = TestContext.Current.CancellationToken;
        var (browser, email) = await portal.PatientAsync("Lena", "555 010 7601", "en", "Text", ct);
        var desk = new Browser(portal.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var id = await portal.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct));
        Assert.Equal("text only", (await desk.GetPageAsync($"/patients/{id}", ct)).QuerySelector("[data-visit-messages]")?.TextContent);
        Assert.Equal("text only", (await desk.GetPageAsync($"/frontdesk/patients/{id}", ct)).QuerySelector("[data-visit-messages]")?.TextContent);

        // A London landline cannot get texts: the choice says so, and a posted "Text" is refused with a message.
        var details = await browser.GetPageAsync("/my/details", ct);
        using var landline = await browser.SubmitAsync(details, "/my/details",
        [
            new("Form.Phone", "+44 20 7946 0958"), new("Form.PreferredLanguage", "en"), new("Form.ContactByEmail", "true"),
            new("Form.ContactByPhone", "true"), new("Form.Messages", "Text"),
        ], ct);
        Assert.Equal(HttpStatusCode.OK, landline.StatusCode);
        var refused = await Browser.ReadAsync(landline, ct);
        Assert.Equal("This number cannot get text messages. Give a mobile number, or choose email.", refused.FieldError("Form.Messages"));
        // The summary's link lands on the first choice, and every choice is tied to the message.
        Assert.NotNull(refused.QuerySelector(".error-summary a[href='#Form_Messages']"));
        Assert.All(refused.QuerySelectorAll("input[name='Form.Messages']"), r =>
            Assert.Contains("Form_Messages-error", r.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal));

        using var saved = await browser.SubmitAsync(details, "/my/details",
        [
            new("Form.Phone", "+44 20 7946 0958"), new("Form.PreferredLanguage", "en"), new("Form.ContactByEmail", "true"),
            new("Form.ContactByPhone", "true"), new("Form.Messages", "Email"),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await browser.GetPageAsync("/my/details", ct);
        Assert.Null(page.QuerySelector("input[name='Form.Messages'][value='Text']"));
        Assert.Contains("To get text messages, save a mobile number first.", page.MainText());
        // A number from another country is shown with its country code.
        Assert.Equal("+44 20 7946 0958", page.InputValue("Form.Phone"));
        Assert.Equal("email", (await desk.GetPageAsync($"/patients/{id}", ct)).QuerySelector("[data-visit-messages]")?.TextContent);
    }

    /// <summary>Numbers stored as typed before issue 19 are rewritten once; one that cannot be read is kept and flagged.</summary>
    [Fact]
    public async Task StoredNumbersAreRewrittenInE164OnceAndAnUnreadableOneIsKeptAndFlagged()
    {
        var ct = TestContext.Current.CancellationToken;
        var ids = await portal.WithDbAsync(async db =>
        {
            var typed = new Patient("Old", "Typed", new DateOnly(1950, 5, 6), "555-010-3390", null, "en");
            var unreadable = new Patient("Old", "Unreadable", new DateOnly(1950, 5, 6), "ask at desk 12", null, "en");
            db.Patients.AddRange(typed, unreadable);
            await db.SaveChangesAsync(ct);
            return (typed.Id, unreadable.Id);
        });

        async Task<(int, int)> RunAsync() => await portal.WithScopeAsync(sp => PhoneNumberNormalizer.RunAsync(
            sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<PhoneFormat>(), NullLogger.Instance, ct));
        var (converted, unreadableCount) = await RunAsync();
        var left = await portal.WithDbAsync(db => db.Patients.Select(p => p.Phone).ToListAsync(ct));
        Assert.True(converted >= 1);
        Assert.True(unreadableCount == 1, string.Join(" | ", left.Where(p => !PhoneFormat.IsE164(p))));
        Assert.Equal((0, 1), await RunAsync()); // idempotent: nothing left to rewrite

        var phones = await portal.WithDbAsync(db => db.Patients.Where(p => p.Id == ids.Item1 || p.Id == ids.Item2).OrderBy(p => p.Id)
            .Select(p => new { p.Phone, p.PhoneDigits }).ToListAsync(ct));
        Assert.Equal("+15550103390", phones[0].Phone);
        Assert.Equal("15550103390", phones[0].PhoneDigits);
        Assert.Equal("ask at desk 12", phones[1].Phone);

        var desk = new Browser(portal.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        Assert.Contains("ask at desk 12 (could not be read: check this number with the patient)", (await desk.GetPageAsync($"/patients/{ids.Item2}", ct)).MainText());
        // Demo numbers are seeded in E.164 already.
        Assert.All(await portal.WithDbAsync(db => db.Patients.Where(p => p.LastName != "Unreadable").Select(p => p.Phone).ToListAsync(ct)),
            p => Assert.True(PhoneFormat.IsE164(p), p));
    }

    [Fact]
    public async Task PickupDeliveryWritesEachTextToAFile()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (browser, _) = await portal.PatientAsync("Pia", "555 010 7701", "es", "Text", ct);
        using var booked = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Vaccination", null, 0, ct, from: "2026-11-25");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        await portal.DispatchAsync(ct);

        var file = Assert.Single(Directory.GetFiles(portal.SmsDirectory, "*.txt"), f => File.ReadAllText(f).StartsWith("To: +15550107701\n", StringComparison.Ordinal));
        var text = File.ReadAllText(file);
        Assert.Contains("Riverside Health Clinic: su cita esta reservada para el miércoles, 25 de noviembre de 2026", text, StringComparison.Ordinal);
        Assert.Contains("Para cambiarla o cancelarla, llame al (555) 010-0100.", text, StringComparison.Ordinal);
    }
}
