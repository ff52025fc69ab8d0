using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Interactions;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Appointments;

/// <summary>
/// "Did not come" frees a visit's time, so it waits for the start plus the grace period, is asked first, and can be
/// undone for a while if the time is still free. Its own portal: these tests move the clock.
/// </summary>
public class NoShowTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private const string Sam = "clinician@demo.test";

    private async Task<Browser> SignedInAsync(string email, CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        return browser;
    }

    /// <summary>The front desk registers a caller and books them with Sam at the first time shown from tomorrow (the clock only moves on).</summary>
    private async Task<Appointment> BookedWithSamAsync(string lastName, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(factory.Time.GetUtcNow().UtcDateTime, NewYork)).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var desk = await SignedInAsync("frontdesk@demo.test", ct);
        using var registered = await desk.SubmitAsync("/frontdesk/register", "/frontdesk/register",
            [new("FirstName", "Ines"), new("LastName", lastName), new("DateOfBirth", "1961-03-14"), new("Phone", "555 010 6060")], ct);
        var patientId = int.Parse(registered.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var sam = await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.Email == Sam).Select(s => s.Id).SingleAsync(ct));
        var serviceId = await factory.WithDbAsync(db => db.ClinicServices.Where(s => s.Name == "Follow-up appointment").Select(s => s.Id).SingleAsync(ct));
        var withTimes = await desk.GetPageAsync($"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician={sam}&from={day}", ct);
        using var booked = await DeskTimes.PressAndConfirmAsync(desk, DeskTimes.On(withTimes, patientId)[0], ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        return await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PatientId == patientId, ct));
    }

    private Task<int> CellsAsync(int appointmentId, CancellationToken ct) =>
        factory.WithDbAsync(db => db.TimeCells.CountAsync(c => c.AppointmentId == appointmentId, ct));

    private Task<AppointmentStatus> StatusAsync(int appointmentId, CancellationToken ct) =>
        factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointmentId).Select(a => a.Status).SingleAsync(ct));

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static string LocalTime(DateTime utc) => NewYorkTime.Time(utc);

    /// <summary>The dashboard's no-shows for the visit's day, clinician and service, beside the count of the visits themselves.</summary>
    private Task<(int Rolled, int Actual)> NoShowsOnTheDayAsync(Appointment appointment, CancellationToken ct) =>
        factory.WithDbAsync(async db =>
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(appointment.StartUtc, NewYork));
            var fromUtc = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), NewYork);
            var toUtc = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), NewYork);
            var rolled = await db.AppointmentRollups.Where(r => r.Grain == Core.Dashboards.RollupGrain.Day && r.Start == day
                    && r.ClinicianId == appointment.ClinicianId && r.ServiceId == appointment.ServiceId)
                .SumAsync(r => r.NoShows, ct);
            var actual = await db.Appointments.CountAsync(a => a.ClinicianId == appointment.ClinicianId && a.ServiceId == appointment.ServiceId
                && a.StartUtc >= fromUtc && a.StartUtc < toUtc && a.Status == AppointmentStatus.NoShow, ct);
            return (rolled, actual);
        });

    private void At(DateTime utc) => factory.Time.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));

    /// <summary>Sam presses "Did not come", answers the question with yes, and lands back on the day.</summary>
    private static async Task MarkDidNotComeAsync(Browser clinician, int appointmentId, CancellationToken ct)
    {
        var day = await clinician.GetPageAsync("/clinician", ct);
        Assert.NotNull(day.QuerySelector($"a[href='/clinician/appointments/{appointmentId}/noshow']"));
        var question = await clinician.GetPageAsync($"/clinician/appointments/{appointmentId}/noshow", ct);
        using var marked = await clinician.SubmitAsync(question, $"/clinician/appointments/{appointmentId}/noshow", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal("/clinician", marked.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DidNotComeIsRefusedBeforeTheStartAndGraceAndTheTimeStaysBooked()
    {
        var ct = TestContext.Current.CancellationToken;
        var appointment = await BookedWithSamAsync("Early", ct);
        var cells = await CellsAsync(appointment.Id, ct);
        Assert.True(cells > 0);

        // Ten minutes after the start: still inside the 15-minute grace period.
        At(appointment.StartUtc.AddMinutes(10));
        var clinician = await SignedInAsync(Sam, ct);
        var day = await clinician.GetPageAsync("/clinician", ct);
        var row = day.QuerySelectorAll("tr").First(r => r.TextContent.Contains("Ines Early", StringComparison.Ordinal));
        Assert.Null(row.QuerySelector($"a[href='/clinician/appointments/{appointment.Id}/noshow']"));
        Assert.Contains($"\"Did not come\" from {LocalTime(appointment.StartUtc.AddMinutes(15))}", row.TextContent, StringComparison.Ordinal);

        // A crafted POST (an old page), even one that says it was confirmed, is refused with the reason.
        using var refused = await clinician.PostWithTokenAsync(day, $"/clinician/appointments/{appointment.Id}/noshow", [new("confirmed", "true")], ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var after = await clinician.GetPageAsync(refused.Headers.Location!.OriginalString, ct);
        Assert.Contains("It is too early to mark this visit as did not come", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, await StatusAsync(appointment.Id, ct));
        Assert.Equal(cells, await CellsAsync(appointment.Id, ct));

        // The question page is not offered early either.
        using var question = await clinician.Client.GetAsync($"/clinician/appointments/{appointment.Id}/noshow", ct);
        Assert.Equal(HttpStatusCode.Redirect, question.StatusCode);
    }

    [Fact]
    public async Task AfterTheGraceTheQuestionThenTheMarkFreesTheTimeAndUndoBringsItBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var appointment = await BookedWithSamAsync("Late", ct);
        var cells = await CellsAsync(appointment.Id, ct);

        At(appointment.StartUtc.AddMinutes(16));
        var clinician = await SignedInAsync(Sam, ct);

        // A POST without the answer goes to the question first; nothing changes.
        using (var unasked = await clinician.PostWithTokenAsync(await clinician.GetPageAsync("/clinician", ct), $"/clinician/appointments/{appointment.Id}/noshow", [], ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, unasked.StatusCode);
            Assert.Equal($"/clinician/appointments/{appointment.Id}/noshow", unasked.Headers.Location!.OriginalString);
        }
        Assert.Equal(AppointmentStatus.Booked, await StatusAsync(appointment.Id, ct));
        var question = await clinician.GetPageAsync($"/clinician/appointments/{appointment.Id}/noshow", ct);
        Assert.Equal("Mark Ines as did not come? Their time is freed for others.", question.QuerySelector("#noshow-question")!.TextContent.Trim());

        await MarkDidNotComeAsync(clinician, appointment.Id, ct);
        Assert.Equal(AppointmentStatus.NoShow, await StatusAsync(appointment.Id, ct));
        Assert.Equal(0, await CellsAsync(appointment.Id, ct));
        var marked = await NoShowsOnTheDayAsync(appointment, ct);
        Assert.True(marked.Actual >= 1);
        Assert.Equal(marked.Actual, marked.Rolled);

        // Ten minutes later they turn up: undo, within the 30 minutes.
        factory.Time.Advance(TimeSpan.FromMinutes(10));
        var day = await clinician.GetPageAsync("/clinician", ct);
        using var undone = await clinician.SubmitAsync(day, $"/clinician/appointments/{appointment.Id}/undonoshow", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var back = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointment.Id, ct));
        Assert.Equal(AppointmentStatus.Arrived, back.Status);
        Assert.Null(back.NoShowAtUtc);
        Assert.Equal(cells, await CellsAsync(appointment.Id, ct));
        // The dashboard forgets the no-show at once, as it learnt it.
        Assert.Equal((marked.Actual - 1, marked.Actual - 1), await NoShowsOnTheDayAsync(appointment, ct));
        var timeline = await factory.WithDbAsync(db => db.Interactions.Where(i => i.PatientId == appointment.PatientId).Select(i => i.Summary).ToListAsync(ct));
        Assert.Contains("Did not come", timeline);
        Assert.Contains("Came after all: did not come undone", timeline);

        // Back on the list as arrived: Sam can call them in.
        var again = await clinician.GetPageAsync("/clinician", ct);
        Assert.NotNull(again.QuerySelector($"form[action='/clinician/appointments/{appointment.Id}/inroom']"));
    }

    [Fact]
    public async Task UndoIsRefusedOnceSomeoneElseHasTheFreedTime()
    {
        var ct = TestContext.Current.CancellationToken;
        var appointment = await BookedWithSamAsync("Taken", ct);
        At(appointment.StartUtc.AddMinutes(20));
        var clinician = await SignedInAsync(Sam, ct);
        await MarkDidNotComeAsync(clinician, appointment.Id, ct);

        // A walk-in is fitted into the freed time (straight in the database: the pages offer no past times).
        var walkIn = await factory.WithDbAsync(async db =>
        {
            var other = await db.Patients.Where(p => p.Id != appointment.PatientId).Select(p => p.Id).FirstAsync(ct);
            var taken = new Appointment(other, appointment.ClinicianId, appointment.ServiceId,
                new Slot(appointment.StartUtc, appointment.EndUtc, appointment.BlockStartUtc, appointment.BlockEndUtc, appointment.StartUtc), InteractionChannel.InPerson, TimeSpan.Zero);
            db.Appointments.Add(taken);
            await db.SaveChangesAsync(ct);
            db.TimeCells.AddRange(TimeCell.Of(taken));
            await db.SaveChangesAsync(ct);
            return taken.Id;
        });

        var day = await clinician.GetPageAsync("/clinician", ct);
        using var undo = await clinician.SubmitAsync(day, $"/clinician/appointments/{appointment.Id}/undonoshow", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        var after = await clinician.GetPageAsync("/clinician", ct);
        Assert.Contains("Their time has been given to someone else since", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.NoShow, await StatusAsync(appointment.Id, ct));
        Assert.Equal(0, await CellsAsync(appointment.Id, ct));
        Assert.True(await CellsAsync(walkIn, ct) > 0);
    }

    [Fact]
    public async Task UndoIsRefusedAfterTheWindow()
    {
        var ct = TestContext.Current.CancellationToken;
        var appointment = await BookedWithSamAsync("Gone", ct);
        At(appointment.StartUtc.AddMinutes(30));
        var clinician = await SignedInAsync(Sam, ct);
        await MarkDidNotComeAsync(clinician, appointment.Id, ct);

        factory.Time.Advance(TimeSpan.FromMinutes(31));
        clinician = await SignedInAsync(Sam, ct); // staff sessions end after 30 idle minutes
        var day = await clinician.GetPageAsync("/clinician", ct);
        Assert.Null(day.QuerySelector($"form[action='/clinician/appointments/{appointment.Id}/undonoshow']"));
        using var undo = await clinician.PostWithTokenAsync(day, $"/clinician/appointments/{appointment.Id}/undonoshow", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        var after = await clinician.GetPageAsync("/clinician", ct);
        Assert.Contains("This can no longer be undone.", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.NoShow, await StatusAsync(appointment.Id, ct));
        Assert.Equal(0, await CellsAsync(appointment.Id, ct));
    }
}
