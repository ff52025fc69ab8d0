using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Auditing;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Appointments;

/// <summary>The front desk's short, filtered list of today's visits, and checking people in from wherever the desk is.</summary>
public class DeskTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private async Task<Browser> FrontDeskAsync(CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("frontdesk@demo.test", ct);
        return browser;
    }

    /// <summary>Registers a caller and books them the first time shown today with anyone (the clock stays at Monday 08:00).</summary>
    private static async Task<(int PatientId, int AppointmentId)> BookedTodayAsync(Browser desk, BookingFactory factory, string lastName, CancellationToken ct)
    {
        using var registered = await desk.SubmitAsync("/frontdesk/register", "/frontdesk/register",
            [new("FirstName", "Rosa"), new("LastName", lastName), new("DateOfBirth", "1975-06-02"), new("Phone", "555 010 7070")], ct);
        var patientId = int.Parse(registered.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var serviceId = await factory.WithDbAsync(db => db.ClinicServices.Where(s => s.Name == "Follow-up appointment").Select(s => s.Id).SingleAsync(ct));
        var withTimes = await desk.GetPageAsync($"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician=0&from=2026-11-23", ct);
        using var booked = await DeskTimes.PressAndConfirmAsync(desk, DeskTimes.On(withTimes, patientId)[0], ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var appointment = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PatientId == patientId, ct));
        Assert.Equal(DateOnly.FromDateTime(BookingFactory.Monday8amNewYork.UtcDateTime), DateOnly.FromDateTime(appointment.StartUtc));
        return (patientId, appointment.Id);
    }

    private static List<IHtmlTableRowElement> Rows(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("section[aria-labelledby=today-h] tbody tr").OfType<IHtmlTableRowElement>()];

    private static string Count(IHtmlDocument page) => page.QuerySelector("#desk-count")!.TextContent.Trim();

    private Task<int> TodayTotalAsync(CancellationToken ct) => factory.WithDbAsync(db =>
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var from = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 23), zone);
        var to = from.AddDays(1);
        return db.Appointments.CountAsync(a => a.StartUtc >= from && a.StartUtc < to && a.Status != AppointmentStatus.Cancelled, ct);
    });

    [Fact]
    public async Task FiltersNarrowTheListAndSayHowManyOfTheDayAreShown()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await FrontDeskAsync(ct);
        var (patientId, _) = await BookedTodayAsync(desk, factory, "Quintero", ct);
        await BookedTodayAsync(desk, factory, "Okonkwo", ct); // a second visit today, whatever the other tests in this class did first
        var total = await TodayTotalAsync(ct);
        Assert.True(total > 1);

        // Everything today, on request.
        var all = await desk.GetPageAsync("/frontdesk?status=All&window=day", ct);
        Assert.Equal(total, Rows(all).Count);
        Assert.Equal($"Showing {total} of {total} visits today.", Count(all));

        // By default: only people not seen yet, from the last hour to the next two.
        var start = new DateTime(2026, 11, 23, 13, 0, 0, DateTimeKind.Utc);
        var expectedByDefault = await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.StartUtc >= start.AddHours(-1) && a.StartUtc <= start.AddHours(2)
            && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Arrived), ct));
        var byDefault = await desk.GetPageAsync("/frontdesk", ct);
        Assert.Equal(expectedByDefault, Rows(byDefault).Count);
        Assert.Equal($"Showing {expectedByDefault} of {total} visits today.", Count(byDefault));

        // A name (or a patient number) finds the one visit.
        var byName = await desk.GetPageAsync("/frontdesk?q=quintero&window=day", ct);
        var row = Assert.Single(Rows(byName));
        Assert.Contains("Rosa Quintero", row.TextContent, StringComparison.Ordinal);
        Assert.Equal($"Showing 1 of {total} visits today.", Count(byName));
        var reference = await factory.WithDbAsync(db => db.Patients.Where(p => p.Id == patientId).Select(p => p.ReferenceNumber).SingleAsync(ct));
        Assert.Single(Rows(await desk.GetPageAsync($"/frontdesk?q={reference}&window=day", ct)));

        // One clinician: the count is of the whole day still, the rows only theirs.
        var sam = await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.Email == "clinician@demo.test").Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName }).SingleAsync(ct));
        var samsDay = await desk.GetPageAsync($"/frontdesk?clinicianId={sam.Id}&status=All&window=day", ct);
        var samsCount = await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.ClinicianId == sam.Id && a.StartUtc >= start.AddHours(-8) && a.StartUtc < start.AddHours(16)
            && a.Status != AppointmentStatus.Cancelled, ct));
        Assert.Equal(samsCount, Rows(samsDay).Count);
        Assert.All(Rows(samsDay), r => Assert.Contains(sam.Name, r.TextContent, StringComparison.Ordinal));
        Assert.Equal(sam.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), samsDay.QuerySelector("#f-clinician option[selected]")!.GetAttribute("value"));

        // Nothing matches: say so, and how to widen.
        var none = await desk.GetPageAsync("/frontdesk?q=nobody-by-this-name&window=day", ct);
        Assert.Empty(Rows(none));
        Assert.Contains("No visits match these filters.", none.QuerySelector("#desk-empty")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"Showing 0 of {total} visits today.", Count(none));
    }

    [Fact]
    public async Task CheckInFromTheCallerScreenComesBackToIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await FrontDeskAsync(ct);
        var (patientId, appointmentId) = await BookedTodayAsync(desk, factory, "Caller", ct);

        var screen = await desk.GetPageAsync($"/frontdesk/patients/{patientId}", ct);
        Assert.Contains("Today", screen.QuerySelector("#here-today-h")!.TextContent, StringComparison.Ordinal);
        using var arrived = await desk.SubmitAsync(screen, $"/frontdesk/appointments/{appointmentId}/arrived", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, arrived.StatusCode);
        Assert.Equal($"/frontdesk/patients/{patientId}", arrived.Headers.Location!.OriginalString);

        Assert.Equal(AppointmentStatus.Arrived, await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointmentId).Select(a => a.Status).SingleAsync(ct)));
        var id = appointmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Update && a.EntityType == "Appointment" && a.EntityId == id, ct)));
        var after = await desk.GetPageAsync($"/frontdesk/patients/{patientId}", ct);
        Assert.Null(after.QuerySelector($"form[action='/frontdesk/appointments/{appointmentId}/arrived']"));
        Assert.Contains("Arrived", after.QuerySelector("#here-today-h")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInFromTheFlowBoardComesBackToTheSameBoard()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await FrontDeskAsync(ct);
        var (_, appointmentId) = await BookedTodayAsync(desk, factory, "Board", ct);
        var departmentId = await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointmentId).Select(a => a.Service!.DepartmentId).SingleAsync(ct));

        var board = await desk.GetPageAsync($"/flow?departmentId={departmentId}", ct);
        using var arrived = await desk.SubmitAsync(board, $"/frontdesk/appointments/{appointmentId}/arrived", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, arrived.StatusCode);
        Assert.Equal($"/flow?departmentId={departmentId}", arrived.Headers.Location!.OriginalString);
        Assert.Equal(AppointmentStatus.Arrived, await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointmentId).Select(a => a.Status).SingleAsync(ct)));
        var again = await desk.GetPageAsync($"/flow?departmentId={departmentId}", ct);
        Assert.Contains("Rosa Board", again.QuerySelector("#waiting-h")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // A clinician sees the board but checks nobody in (that is the desk's).
        var clinician = new Browser(factory.CreateBrowser());
        await clinician.SignInAsync("clinician@demo.test", ct);
        var theirs = await clinician.GetPageAsync($"/flow?departmentId={departmentId}", ct);
        Assert.Empty(theirs.QuerySelectorAll("form[action$='/arrived']"));
    }
}
