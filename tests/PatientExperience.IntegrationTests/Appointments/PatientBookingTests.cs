using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Appointments;

public class PatientBookingTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private static string Href(IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)?.GetAttribute("href") ?? throw new InvalidOperationException("No link " + selector);

    /// <summary>The Spanish and Chinese names of the demo services tests book (Seeding/DemoTranslations).</summary>
    private static readonly Dictionary<string, string[]> DemoServiceNames = new()
    {
        ["Vaccination"] = ["Vacunación", "疫苗接种"],
        ["Blood pressure review"] = ["Control de la presión arterial", "血压复查"],
    };

    /// <summary>Walks the four steps: service, clinician, time, confirm. Returns the booked page's URL.</summary>
    internal static async Task<HttpResponseMessage> BookFirstFreeTimeAsync(Browser browser, string serviceName, string? clinicianName, int slotIndex, CancellationToken ct, string? from = null)
    {
        var services = await browser.GetPageAsync("/appointments/book", ct);
        // The demo clinic's services are translated: a patient reading Spanish or Chinese sees them by those names.
        string[] names = [serviceName, .. DemoServiceNames.GetValueOrDefault(serviceName, [])];
        var service = services.QuerySelectorAll("a.choice").First(a => names.Any(n => a.TextContent.Contains(n, StringComparison.Ordinal)));
        var clinicians = await browser.GetPageAsync(service.GetAttribute("href")!, ct);
        var clinician = clinicianName is null
            ? clinicians.QuerySelectorAll("a.choice")[0]
            : clinicians.QuerySelectorAll("a.choice").First(a => a.TextContent.Contains(clinicianName, StringComparison.Ordinal));
        var times = await browser.GetPageAsync(clinician.GetAttribute("href")! + (from is null ? "" : "&from=" + from), ct);
        var slot = times.QuerySelectorAll("a.slot").ElementAt(slotIndex);
        var confirm = await browser.GetPageAsync(slot.GetAttribute("href")!, ct);
        var action = confirm.QuerySelector("main form")!.GetAttribute("action")!;
        return await browser.SubmitAsync(confirm, action, [], ct);
    }

    private static string CalendarText(PatientExperience.Core.Email.OutboxMessage message) =>
        Encoding.UTF8.GetString(message.AttachmentContent ?? throw new InvalidOperationException("No calendar file attached."));

    [Fact]
    public async Task PatientBooksInFourStepsGetsConfirmationAndEmailWithCalendarFile()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("booker", 1, ct))[0];
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);

        using var booked = await BookFirstFreeTimeAsync(browser, "New patient consultation", null, 0, ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var page = await browser.GetPageAsync(booked.Headers.Location!.OriginalString, ct);
        Assert.Contains("You are booked", page.MainText());
        // A US clinic's time reads the US way, with the zone as people say it (issue 15 item 12).
        Assert.Contains("Monday, November 23, 2026, 10:00 AM (Eastern Time)", page.MainText());
        Assert.DoesNotContain("America/New_York", page.MainText());

        var appointment = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Patient!.Email == email, ct));
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        // 08:00 now + 2 h notice: the first offered time is 10:00 New York = 15:00 UTC.
        Assert.Equal(new DateTime(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc), appointment.StartUtc);

        var mail = Assert.Single(await factory.MessagesToAsync(email, ct));
        Assert.Contains("booked", mail.Subject);
        Assert.Contains("Monday, November 23, 2026, 10:00 AM (Eastern Time)", mail.TextBody);
        var ics = CalendarText(mail);
        Assert.Contains("METHOD:REQUEST", ics);
        Assert.Contains("UID:" + appointment.CalendarUid, ics);
        Assert.Contains("SEQUENCE:0", ics);
        Assert.Contains("DTSTART:20261123T150000Z", ics);

        var list = await browser.GetPageAsync("/appointments", ct);
        Assert.Contains("New patient consultation", list.QuerySelector("#upcoming-h")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task RescheduleMovesTheVisitRaisesSequenceAndFreesTheOldTime()
    {
        var ct = TestContext.Current.CancellationToken;
        var emails = await factory.CreatePatientsAsync("mover", 2, ct);
        var mover = new Browser(factory.CreateBrowser());
        await mover.SignInAsync(emails[0], ct);
        using var booked = await BookFirstFreeTimeAsync(mover, "Vaccination", null, 3, ct, from: "2026-11-25");
        var appointment = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Patient!.Email == emails[0], ct));
        var oldStart = appointment.StartUtc;

        var clinician = await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.Id == appointment.ClinicianId).Select(s => s.FirstName + " " + s.LastName).SingleAsync(ct));
        // Both pages of the move say the time the visit has now, in the clinic's zone, and with whom.
        var now = $"Now: {NewYorkTime.Format(oldStart, "dddd, MMMM d, h:mm tt")} with {clinician}";
        var times = await mover.GetPageAsync($"/appointments/{appointment.Id}/reschedule", ct);
        Assert.Equal(now, times.QuerySelector(".current-visit")?.TextContent.Trim());
        var later = times.QuerySelectorAll("a.slot")[^1];
        var confirm = await mover.GetPageAsync(later.GetAttribute("href")!, ct);
        Assert.Equal(now, confirm.QuerySelector(".current-visit")?.TextContent.Trim());
        using var moved = await mover.SubmitAsync(confirm, $"/appointments/{appointment.Id}/reschedule", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var after = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointment.Id, ct));
        Assert.NotEqual(oldStart, after.StartUtc);
        // The page after the move says it moved, old time to new, not "You are booked".
        var result = await mover.GetPageAsync(moved.Headers.Location!.OriginalString, ct);
        Assert.Equal("Your appointment has moved", result.QuerySelector("h1")?.TextContent.Trim());
        Assert.DoesNotContain("You are booked", result.MainText());
        var change = result.QuerySelector(".moved")!.TextContent;
        Assert.True(change.IndexOf(NewYorkTime.When(oldStart), StringComparison.Ordinal) is >= 0 and var o
            && change.IndexOf(NewYorkTime.When(after.StartUtc), StringComparison.Ordinal) > o, change);
        // The link in the confirmation email (no movedFrom) still reads as a booking.
        Assert.Contains("You are booked", (await mover.GetPageAsync($"/appointments/{appointment.Id}/booked", ct)).MainText());
        Assert.Equal(1, after.CalendarSequence);
        var mails = await factory.MessagesToAsync(emails[0], ct);
        Assert.Equal(2, mails.Count);
        Assert.Contains("SEQUENCE:1", CalendarText(mails[1]));
        Assert.Contains("UID:" + appointment.CalendarUid, CalendarText(mails[1]));

        // The old time is free again: another patient can take it with the same clinician.
        var other = new Browser(factory.CreateBrowser());
        await other.SignInAsync(emails[1], ct);
        var confirmOld = await other.GetPageAsync($"/appointments/book/{appointment.ServiceId}/confirm?clinician={appointment.ClinicianId}&start={oldStart:yyyy-MM-ddTHH:mm:ssZ}", ct);
        using var takeOld = await other.SubmitAsync(confirmOld, "/appointments/book", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, takeOld.StatusCode);
    }

    [Fact]
    public async Task CancelAsksForAReasonThenSendsACalendarCancellation()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("canceller", 1, ct))[0];
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        using var booked = await BookFirstFreeTimeAsync(browser, "Skin check", null, 0, ct, from: "2026-11-25"); // Wednesday: past the 24 h cut-off
        var id = await factory.WithDbAsync(db => db.Appointments.Where(a => a.Patient!.Email == email).Select(a => a.Id).SingleAsync(ct));

        var details = await browser.GetPageAsync($"/appointments/{id}", ct);
        // The reason is required and the label does not read as optional (optional fields are the ones marked so).
        var reason = details.QuerySelector("textarea#reason")!;
        Assert.Equal("Why are you cancelling?", details.QuerySelector("label[for='reason']")!.TextContent.Trim());
        Assert.True(reason.HasAttribute("required"));
        Assert.Equal("true", reason.GetAttribute("aria-required"));
        using var noReason = await browser.SubmitAsync(details, $"/appointments/{id}/cancel", [new("reason", "  ")], ct);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var refused = await Browser.ReadAsync(noReason, ct);
        Assert.Contains("why you are cancelling", refused.MainText());
        ErrorSummary.AssertTiedToFields(refused, "reason");
        Assert.StartsWith("reason-hint ", refused.QuerySelector("#reason")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(ct)));

        using var cancelled = await browser.SubmitAsync(details, $"/appointments/{id}/cancel", [new("reason", "Feeling better")], ct);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Contains("Your appointment is cancelled", (await browser.GetPageAsync("/appointments", ct)).MainText());
        var mails = await factory.MessagesToAsync(email, ct);
        Assert.Contains("METHOD:CANCEL", CalendarText(mails[^1]));
        Assert.Contains("STATUS:CANCELLED", CalendarText(mails[^1]));
        Assert.Equal(0, await factory.WithDbAsync(db => db.TimeCells.CountAsync(c => c.AppointmentId == id, ct)));
        var timeline = await factory.WithDbAsync(db => db.Interactions.Where(i => i.Patient!.Email == email).Select(i => i.Kind).ToListAsync(ct));
        Assert.Equal([PatientExperience.Core.Interactions.InteractionKind.AppointmentBooked, PatientExperience.Core.Interactions.InteractionKind.AppointmentCancelled], timeline);
    }

    [Fact]
    public async Task InsideTheCutOffThePageSaysToCallAndCancellingIsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("late", 1, ct))[0];
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        using var booked = await BookFirstFreeTimeAsync(browser, "Follow-up appointment", null, 0, ct); // today, about 2 h away
        var id = await factory.WithDbAsync(db => db.Appointments.Where(a => a.Patient!.Email == email).Select(a => a.Id).SingleAsync(ct));

        var details = await browser.GetPageAsync($"/appointments/{id}", ct);
        Assert.Contains("Please call us on (555) 010-0100", details.MainText());
        Assert.Null(details.QuerySelector($"form[action='/appointments/{id}/cancel']"));

        // Posting anyway (an old tab) is refused with the same advice and changes nothing.
        using var forced = await browser.PostWithTokenAsync(details, $"/appointments/{id}/cancel", [new("reason", "Too busy")], ct);
        Assert.Contains("too late to cancel online", (await Browser.ReadAsync(forced, ct)).MainText());
        Assert.Equal(AppointmentStatus.Booked, await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(ct)));
    }

    [Fact]
    public async Task PatientCannotSeeOrChangeAnotherPatientsAppointment()
    {
        var ct = TestContext.Current.CancellationToken;
        var emails = await factory.CreatePatientsAsync("owner", 2, ct);
        var owner = new Browser(factory.CreateBrowser());
        await owner.SignInAsync(emails[0], ct);
        using var booked = await BookFirstFreeTimeAsync(owner, "Vaccination", null, 0, ct, from: "2026-11-26");
        var id = await factory.WithDbAsync(db => db.Appointments.Where(a => a.Patient!.Email == emails[0]).Select(a => a.Id).SingleAsync(ct));

        var intruder = new Browser(factory.CreateBrowser());
        await intruder.SignInAsync(emails[1], ct);
        foreach (var url in new[] { $"/appointments/{id}", $"/appointments/{id}/booked", $"/appointments/{id}/reschedule", $"/appointments/{id}/calendar" })
        {
            using var response = await intruder.Client.GetAsync(url, ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var ownPage = await intruder.GetPageAsync("/appointments", ct);
        using var cancel = await intruder.PostWithTokenAsync(ownPage, $"/appointments/{id}/cancel", [new("reason", "Not mine")], ct);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(AppointmentStatus.Booked, await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(ct)));
    }

    [Fact]
    public async Task PatientCannotHoldTwoOverlappingAppointments()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("overlap", 1, ct))[0];
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        using var first = await BookFirstFreeTimeAsync(browser, "Orthopedic consultation", null, 0, ct, from: "2026-11-30");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var booked = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Patient!.Email == email, ct));

        // The same minutes in another department, with another clinician.
        var ecg = await factory.WithDbAsync(db => db.ClinicServices.Where(s => s.Name == "ECG").Select(s => s.Id).SingleAsync(ct));
        var confirm = await browser.GetPageAsync($"/appointments/book/{ecg}/confirm?clinician=0&start={booked.StartUtc.AddMinutes(15):yyyy-MM-ddTHH:mm:ssZ}", ct);
        using var second = await browser.SubmitAsync(confirm, "/appointments/book", [], ct);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("You already have an appointment at that time.", (await Browser.ReadAsync(second, ct)).MainText());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.Patient!.Email == email, ct)));
    }
}
