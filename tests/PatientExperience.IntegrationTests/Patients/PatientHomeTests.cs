using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Localization;

namespace PatientExperience.IntegrationTests.Patients;

/// <summary>/my leads with the next visit (or a way to book one) and offers a complaint in plain sight.</summary>
public class PatientHomeTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task MyPageSaysThereIsNoVisitThenShowsTheNextOneAfterBooking()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("home", 1, ct))[0];
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);

        var before = await browser.GetPageAsync("/my", ct);
        var card = before.QuerySelector("#next-h")!.ParentElement!;
        Assert.Contains("You have no upcoming appointments.", card.TextContent);
        Assert.NotNull(card.QuerySelector("a.btn[href='/appointments/book']"));
        Assert.Equal("Make a complaint", before.QuerySelector("main a[href='/my/complaints/new']")?.TextContent.Trim());

        using var booked = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Vaccination", null, 0, ct, from: "2026-11-25");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var appointment = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Clinician).SingleAsync(a => a.Patient!.Email == email, ct));

        var after = await browser.GetPageAsync("/my", ct);
        card = after.QuerySelector("#next-h")!.ParentElement!;
        var text = card.TextContent;
        // The time in the clinic's zone, written as the appointment page writes it.
        Assert.Contains(NewYorkTime.When(appointment.StartUtc), text);
        Assert.StartsWith("Wednesday, November 25, 2026", NewYorkTime.When(appointment.StartUtc), StringComparison.Ordinal);
        Assert.Contains("(Eastern Time)", text);
        Assert.Contains("Vaccination", text);
        Assert.Contains(appointment.Clinician!.LastName, text);
        Assert.DoesNotContain("You have no upcoming appointments.", text);
        Assert.Equal("See or change it", card.QuerySelector($"a[href='/appointments/{appointment.Id}']")?.TextContent.Trim());
        Assert.NotNull(card.QuerySelector($"a[href='/appointments/{appointment.Id}/calendar']"));
    }

    [Fact]
    public async Task ASpanishSpeakingPatientSeesTheNextAppointmentInSpanish()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("inicio", 1, ct))[0];
        await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == email).ExecuteUpdateAsync(s => s.SetProperty(p => p.PreferredLanguage, "es"), ct));
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);

        var empty = await browser.GetPageAsync("/my", ct);
        Assert.Contains("No tiene citas próximas.", empty.MainText());
        Translations.AssertNoEnglishLeft(empty, "es");

        using var booked = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Vacunación", null, 0, ct, from: "2026-11-26");
        var my = await browser.GetPageAsync("/my", ct);
        Assert.Contains("Su próxima cita", my.MainText());
        Assert.Contains("Verla o cambiarla", my.MainText());
        Assert.Contains("Presentar una queja", my.MainText());
        Translations.AssertNoEnglishLeft(my, "es");
    }
}
