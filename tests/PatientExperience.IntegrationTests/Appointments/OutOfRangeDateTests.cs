using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Appointments;

/// <summary>
/// Issue 15: the calendar's ends sent as a slot time or a times page's first day. A times page shows the nearest page that
/// has times; a booking or move for such a time is a not-found page with words on it; nothing is booked.
/// </summary>
public partial class OutOfRangeDateTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private static readonly string[] Extremes = ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"];

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31T23:59:59")]
    [InlineData("2299-12-31")]
    public async Task ATimesPageForAFarDayShowsTheNearestPageWithinTheHorizon(string from)
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("farday" + Math.Abs(from.GetHashCode()), 1, ct))[0];
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);
        var serviceId = await ServiceIdAsync(ct);
        var horizon = factory.Services.GetRequiredService<IOptions<BookingOptions>>().Value.HorizonDays;
        var last = DateOnly.FromDateTime(BookingFactory.Monday8amNewYork.UtcDateTime).AddDays(horizon + 1);

        var page = await patient.GetPageAsync($"/appointments/book/{serviceId}/times?clinician=0&from={Uri.EscapeDataString(from)}", ct);
        foreach (var start in page.QuerySelectorAll("a.slot").Select(a => StartOf(a.GetAttribute("href")!)))
            Assert.InRange(start, DateOnly.FromDateTime(BookingFactory.Monday8amNewYork.UtcDateTime), last);

        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var patientId = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct));
        var caller = await desk.GetPageAsync($"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician=0&from={Uri.EscapeDataString(from)}", ct);
        foreach (var start in caller.QuerySelectorAll("input[name='start']").Select(i => i.GetAttribute("value")!))
            Assert.InRange(DateOnly.ParseExact(start[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.FromDateTime(BookingFactory.Monday8amNewYork.UtcDateTime), last);
    }

    [Fact]
    public async Task BookingOrMovingToTheCalendarsEndsIsANotFoundPageAndBooksNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("calendarend", 1, ct))[0];
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);
        var serviceId = await ServiceIdAsync(ct);
        var patientId = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct));
        var page = await patient.GetPageAsync("/appointments", ct);
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var deskPage = await desk.GetPageAsync($"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician=0", ct);
        // One visit of their own, booked through the pages, to move.
        var times = await patient.GetPageAsync($"/appointments/book/{serviceId}/times?clinician=0", ct);
        var confirm = await patient.GetPageAsync(times.QuerySelector("a.slot")!.GetAttribute("href")!, ct);
        using (var booked = await patient.SubmitAsync(confirm, confirm.QuerySelector("main form")!.GetAttribute("action")!, [], ct))
            Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var before = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PatientId == patientId, ct));
        var existing = before.Id;

        foreach (var start in Extremes)
        {
            await AssertNotFoundPageAsync(await patient.PostWithTokenAsync(page, "/appointments/book", [new("serviceId", $"{serviceId}"), new("clinicianId", "0"), new("start", start)], ct), ct);
            await AssertNotFoundPageAsync(await patient.PostWithTokenAsync(page, $"/appointments/{existing}/reschedule", [new("clinicianId", "0"), new("start", start)], ct), ct);
            await AssertNotFoundPageAsync(await desk.PostWithTokenAsync(deskPage, $"/frontdesk/patients/{patientId}/book", [new("serviceId", $"{serviceId}"), new("clinicianId", "0"), new("start", start)], ct), ct);
            await AssertNotFoundPageAsync(await desk.PostWithTokenAsync(deskPage, $"/frontdesk/appointments/{existing}/move", [new("clinicianId", "0"), new("start", start), new("overrideReason", "asked")], ct), ct);
            using var confirmLink = await patient.Client.GetAsync($"/appointments/book/{serviceId}/confirm?clinician=0&start={Uri.EscapeDataString(start)}", ct);
            Assert.Equal(HttpStatusCode.NotFound, confirmLink.StatusCode);
        }
        var after = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PatientId == patientId, ct));
        Assert.Equal(before.StartUtc, after.StartUtc);
    }

    private static async Task AssertNotFoundPageAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace((await Browser.ReadAsync(response, ct)).MainText()));
        }
    }

    private Task<int> ServiceIdAsync(CancellationToken ct) =>
        factory.WithDbAsync(db => db.ClinicServices.Where(s => s.IsActive && s.Name == "New patient consultation").Select(s => s.Id).FirstAsync(ct));

    private static DateOnly StartOf(string href) =>
        DateOnly.ParseExact(SlotStart().Match(Uri.UnescapeDataString(href)).Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"start=(\d{4}-\d{2}-\d{2})")]
    private static partial Regex SlotStart();
}
