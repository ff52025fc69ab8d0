using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Interactions;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Appointments;

public class FrontDeskTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private async Task<Browser> FrontDeskAsync(CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("frontdesk@demo.test", ct);
        return browser;
    }

    private async Task<int> RegisterCallerAsync(Browser desk, string lastName, CancellationToken ct)
    {
        using var response = await desk.SubmitAsync("/frontdesk/register", "/frontdesk/register",
            [new("FirstName", "Ines"), new("LastName", lastName), new("DateOfBirth", "1961-03-14"), new("Phone", "555 010 6060")], ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Picks a service on the caller screen and presses the first time shown (optionally on a later day).</summary>
    private static async Task<HttpResponseMessage> BookOnCallerScreenAsync(Browser desk, int patientId, string serviceName, int clinicianId, CancellationToken ct, string? from = null)
    {
        var screen = await desk.GetPageAsync($"/frontdesk/patients/{patientId}", ct);
        var serviceId = screen.QuerySelectorAll("#serviceId option").First(o => o.TextContent.Contains(serviceName, StringComparison.Ordinal)).GetAttribute("value");
        var withTimes = await desk.GetPageAsync($"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician={clinicianId}" + (from is null ? "" : "&from=" + from), ct);
        return await DeskTimes.PressAndConfirmAsync(desk, DeskTimes.On(withTimes, patientId)[0], ct);
    }

    /// <summary>Issue 15 item 17: pressing a time books nothing; the check page says who, what, with whom and when, and
    /// only its button books — the clinician on the pressed button, even when the list was for anyone.</summary>
    [Fact]
    public async Task PressingATimeOpensACheckStepAndOnlyItsButtonBooks()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await FrontDeskAsync(ct);
        var patientId = await RegisterCallerAsync(desk, "Lindqvist", ct);
        var serviceId = await factory.WithDbAsync(db => db.ClinicServices.Where(s => s.Name == "Annual physical").Select(s => s.Id).SingleAsync(ct));
        var screen = await desk.GetPageAsync($"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician=0&from=2026-12-01", ct);
        var time = DeskTimes.On(screen, patientId)[0];
        var values = DeskTimes.Values(time);
        var clinicianId = int.Parse(values.Single(v => v.Key == "clinicianId").Value, System.Globalization.CultureInfo.InvariantCulture);
        var clinicianName = await factory.WithDbAsync(db => db.StaffMembers.Where(m => m.Id == clinicianId).Select(m => m.FirstName + " " + m.LastName).SingleAsync(ct));
        Assert.Contains(clinicianName, time.QuerySelector("button")!.TextContent);

        var check = await DeskTimes.OpenCheckAsync(desk, time, ct);
        Assert.Equal("Check before booking", check.QuerySelector("h1")!.TextContent.Trim());
        var facts = check.QuerySelector(".booking-check")!.TextContent;
        Assert.Contains("Ines Lindqvist", facts);
        Assert.Contains("Born Mar 14, 1961", facts);
        Assert.Contains("Annual physical", facts);
        Assert.Contains(clinicianName, facts);
        var startUtc = DateTime.Parse(values.Single(v => v.Key == "start").Value, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Contains($"{NewYorkTime.When(startUtc)} (Eastern Time)", facts);
        Assert.False(await factory.WithDbAsync(db => db.Appointments.AnyAsync(a => a.PatientId == patientId, ct)), "Pressing a time must not book yet.");
        var back = check.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "Choose another time").GetAttribute("href")!;
        Assert.Contains($"serviceId={serviceId}&clinician=0", back, StringComparison.Ordinal);

        using var booked = await DeskTimes.ConfirmAsync(desk, check, ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var appointment = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PatientId == patientId, ct));
        Assert.Equal((clinicianId, startUtc), (appointment.ClinicianId, appointment.StartUtc));
        var readBack = await desk.GetPageAsync(booked.Headers.Location!.OriginalString, ct);
        Assert.Contains("with " + clinicianName, readBack.QuerySelector(".readback")!.TextContent);
    }

    [Fact]
    public async Task ACheckPageForNonsenseAnswersNotFoundNotAnError()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await FrontDeskAsync(ct);
        var patientId = await RegisterCallerAsync(desk, "Nonsense", ct);
        foreach (var query in new[] { "serviceId=1&clinicianId=1&start=yesterday", "serviceId=99999&clinicianId=1&start=2026-12-01T15:00:00Z", "serviceId=1&clinicianId=1&start=2026-12-01T15:00:00Z&moving=99999" })
        {
            using var response = await desk.Client.GetAsync($"/frontdesk/patients/{patientId}/check?{query}", ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task RegisteringACallerExplainsMistakesAndKeepsWhatWasTyped()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await FrontDeskAsync(ct);
        using var response = await desk.SubmitAsync("/frontdesk/register", "/frontdesk/register",
            [new("FirstName", "Ines"), new("LastName", "Quarles"), new("DateOfBirth", "not a date"), new("Phone", "")], ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ReadAsync(response, ct);
        Assert.Equal("Enter the date of birth as year-month-day, for example 1980-04-23.", page.FieldError("DateOfBirth"));
        Assert.Equal("Ines", page.InputValue("FirstName"));
        Assert.Equal("Quarles", page.InputValue("LastName"));

        using var noPhone = await desk.SubmitAsync("/frontdesk/register", "/frontdesk/register",
            [new("FirstName", "Ines"), new("LastName", "Quarles"), new("DateOfBirth", "1961-03-14"), new("Phone", "")], ct);
        Assert.Equal("Enter a phone number we can reach them on.", (await Browser.ReadAsync(noPhone, ct)).FieldError("Phone"));
        Assert.False(await factory.WithDbAsync(db => db.Patients.AnyAsync(p => p.LastName == "Quarles", ct)));
    }

    [Fact]
    public async Task ReceptionistRegistersCallerBooksAndReadsBackTheConfirmation()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await FrontDeskAsync(ct);
        var patientId = await RegisterCallerAsync(desk, "Marchetti", ct);

        using var booked = await BookOnCallerScreenAsync(desk, patientId, "Annual physical", 0, ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var readBack = await desk.GetPageAsync(booked.Headers.Location!.OriginalString, ct);
        var text = readBack.QuerySelector(".readback")!.TextContent;
        Assert.Contains("Ines, you are booked for Annual physical", text);
        Assert.Matches(@"P-\d{6}", text);

        var timeline = await factory.WithDbAsync(db => db.Interactions.Where(i => i.PatientId == patientId).OrderBy(i => i.Id)
            .Select(i => new { i.Kind, i.Channel, i.StaffMemberId }).ToListAsync(ct));
        Assert.Equal([InteractionKind.Registration, InteractionKind.AppointmentBooked], timeline.Select(t => t.Kind));
        Assert.All(timeline, t => Assert.Equal(InteractionChannel.Phone, t.Channel));
        Assert.All(timeline, t => Assert.NotNull(t.StaffMemberId));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == patientId && a.Action == AuditAction.Create, ct)));
    }

    [Fact]
    public async Task CancellingInsideTheCutOffNeedsAReasonForTheExceptionAndIsAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await FrontDeskAsync(ct);
        var patientId = await RegisterCallerAsync(desk, "Okwu", ct);
        using var booked = await BookOnCallerScreenAsync(desk, patientId, "Vaccination", 0, ct); // today: inside 24 h
        var id = await factory.WithDbAsync(db => db.Appointments.Where(a => a.PatientId == patientId).Select(a => a.Id).SingleAsync(ct));

        var screen = await desk.GetPageAsync($"/frontdesk/patients/{patientId}", ct);
        Assert.NotNull(screen.QuerySelector($"#override-{id}"));
        using var refused = await desk.SubmitAsync(screen, $"/frontdesk/appointments/{id}/cancel", [new("reason", "Caller unwell")], ct);
        Assert.Contains("Give a reason for the exception", (await desk.GetPageAsync($"/frontdesk/patients/{patientId}", ct)).MainText());
        Assert.Equal(AppointmentStatus.Booked, await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(ct)));

        using var cancelled = await desk.SubmitAsync(screen, $"/frontdesk/appointments/{id}/cancel",
            [new("reason", "Caller unwell"), new("overrideReason", "Fever, advised to stay home")], ct);
        Assert.Equal(AppointmentStatus.Cancelled, await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(ct)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Override && a.EntityId == id.ToString(), ct)));
        Assert.True(await factory.WithDbAsync(db => db.Interactions.AnyAsync(i => i.PatientId == patientId && i.Summary.Contains("Cut-off overridden"), ct)));
    }

    [Fact]
    public async Task CheckInThenClinicianSeesTheWaitCallsInAndCompletes()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await FrontDeskAsync(ct);
        var patientId = await RegisterCallerAsync(desk, "Haddad", ct);
        var sam = await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.Email == "clinician@demo.test").Select(s => s.Id).SingleAsync(ct));
        using var booked = await BookOnCallerScreenAsync(desk, patientId, "Follow-up appointment", sam, ct);
        var appointment = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PatientId == patientId, ct));

        var today = await desk.GetPageAsync("/frontdesk", ct);
        using var arrived = await desk.SubmitAsync(today, $"/frontdesk/appointments/{appointment.Id}/arrived", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, arrived.StatusCode);

        // The patient came early; the visit starts at its time, and the clinician is 12 minutes late.
        factory.Time.SetUtcNow(new DateTimeOffset(appointment.StartUtc.AddMinutes(12), TimeSpan.Zero));
        desk = await FrontDeskAsync(ct); // two hours later: a fresh sign-in
        var board = await desk.GetPageAsync("/flow", ct);
        Assert.Contains("12 min – Ines Haddad", board.QuerySelector("#waiting-h")!.ParentElement!.TextContent);

        var clinician = new Browser(factory.CreateBrowser());
        await clinician.SignInAsync("clinician@demo.test", ct);
        var day = await clinician.GetPageAsync("/clinician", ct);
        var row = day.QuerySelectorAll("tr").First(r => r.TextContent.Contains("Ines Haddad", StringComparison.Ordinal));
        Assert.Contains("12 min", row.TextContent);

        using var inRoom = await clinician.SubmitAsync(day, $"/clinician/appointments/{appointment.Id}/inroom", [], ct);
        factory.Time.Advance(TimeSpan.FromMinutes(15));
        using var done = await clinician.SubmitAsync(await clinician.GetPageAsync("/clinician", ct), $"/clinician/appointments/{appointment.Id}/completed", [], ct);

        var after = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointment.Id, ct));
        Assert.Equal(AppointmentStatus.Completed, after.Status);
        Assert.Equal(12, after.WaitMinutes);
        Assert.Contains(appointment.Id, factory.Completed);
    }

    [Fact]
    public async Task ClinicianCannotMoveAnotherClinicianPatientOn()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await FrontDeskAsync(ct);
        var patientId = await RegisterCallerAsync(desk, "Lindgren", ct);
        var other = await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.IsClinician && s.Email != "clinician@demo.test" && s.Department!.Name == "Cardiology")
            .Select(s => s.Id).FirstAsync(ct));
        using var booked = await BookOnCallerScreenAsync(desk, patientId, "ECG", other, ct, from: "2026-11-24");
        var id = await factory.WithDbAsync(db => db.Appointments.Where(a => a.PatientId == patientId).Select(a => a.Id).SingleAsync(ct));

        var sam = new Browser(factory.CreateBrowser());
        await sam.SignInAsync("clinician@demo.test", ct);
        using var response = await sam.PostWithTokenAsync(await sam.GetPageAsync("/clinician", ct), $"/clinician/appointments/{id}/completed", [], ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(AppointmentStatus.Booked, await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(ct)));
    }

    [Fact]
    public async Task ReceptionistPutsCallerOnTheWaitlistFromTheCallerScreen()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await FrontDeskAsync(ct);
        var patientId = await RegisterCallerAsync(desk, "Varga", ct);
        var serviceId = await factory.WithDbAsync(db => db.ClinicServices.Where(s => s.Name == "Echocardiogram").Select(s => s.Id).SingleAsync(ct));

        var screen = await desk.GetPageAsync($"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician=0", ct);
        using var joined = await desk.SubmitAsync(screen, $"/frontdesk/patients/{patientId}/waitlist", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Contains("Added to the waitlist", (await desk.GetPageAsync(joined.Headers.Location!.OriginalString, ct)).MainText());
        Assert.True(await factory.WithDbAsync(db => db.WaitlistEntries.AnyAsync(e => e.PatientId == patientId && e.ServiceId == serviceId && e.Status == WaitlistStatus.Waiting, ct)));

        // Asked again later (the screen drawn again: the same form sent twice would land on the first result).
        var again = await desk.GetPageAsync($"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician=0", ct);
        using var twice = await desk.SubmitAsync(again, $"/frontdesk/patients/{patientId}/waitlist", [], ct);
        Assert.Contains("already on the waitlist", (await desk.GetPageAsync(twice.Headers.Location!.OriginalString, ct)).MainText());
    }

    [Fact]
    public async Task ReceptionistMovesAVisitFromTheCallerScreen()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await FrontDeskAsync(ct);
        var patientId = await RegisterCallerAsync(desk, "Novak", ct);
        using var booked = await BookOnCallerScreenAsync(desk, patientId, "Well-child check", 0, ct, from: "2026-11-30");
        var before = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PatientId == patientId, ct));

        var screen = await desk.GetPageAsync($"/frontdesk/patients/{patientId}?serviceId={before.ServiceId}&clinician=0&moving={before.Id}&from=2026-12-02", ct);
        Assert.Contains("Move Well-child check", screen.QuerySelector("#book-h")!.TextContent);
        using var moved = await DeskTimes.PressAndConfirmAsync(desk, DeskTimes.On(screen, patientId)[0], ct);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var after = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == before.Id, ct));
        Assert.True(after.StartUtc >= new DateTime(2026, 12, 2, 5, 0, 0, DateTimeKind.Utc));
        Assert.Equal(1, after.CalendarSequence);
        Assert.True(await factory.WithDbAsync(db => db.Interactions.AnyAsync(i => i.PatientId == patientId && i.Kind == InteractionKind.AppointmentChanged && i.Channel == InteractionChannel.Phone, ct)));
    }

    /// <summary>
    /// With "anyone" the caller screen shows each time with a clinician; pressing one moves the visit to that clinician
    /// (not the visit's old one), and the read-back names them.
    /// </summary>
    [Fact]
    public async Task AMoveWithAnyoneGoesToTheClinicianOnTheButtonAndTheReadBackSaysWho()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await FrontDeskAsync(ct);
        var patientId = await RegisterCallerAsync(desk, "Okafor", ct);
        var serviceId = await factory.WithDbAsync(db => db.ClinicServices.Where(s => s.Name == "Annual physical").Select(s => s.Id).SingleAsync(ct));
        var first = await factory.WithDbAsync(db => db.StaffMembers.Where(m => m.IsClinician && m.DepartmentId == db.ClinicServices.Single(s => s.Id == serviceId).DepartmentId)
            .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(ct));
        using var booked = await BookOnCallerScreenAsync(desk, patientId, "Annual physical", first, ct, from: "2026-11-30");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var before = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PatientId == patientId, ct));
        Assert.Equal(first, before.ClinicianId);

        var screen = await desk.GetPageAsync($"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician=0&moving={before.Id}&from=2026-12-03", ct);
        var buttons = DeskTimes.On(screen, patientId)
            .Select(f => (Form: f, Clinician: int.Parse(f.QuerySelector("input[name=clinicianId]")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.All(buttons, b => Assert.NotEqual(0, b.Clinician));
        var other = buttons.First(b => b.Clinician != first);
        var shownName = other.Form.QuerySelector("button")!.TextContent;
        var otherName = await factory.WithDbAsync(db => db.StaffMembers.Where(m => m.Id == other.Clinician).Select(m => m.FirstName + " " + m.LastName).SingleAsync(ct));
        Assert.Contains(otherName, shownName);

        var values = DeskTimes.Values(other.Form);
        var check = await DeskTimes.OpenCheckAsync(desk, other.Form, ct);
        // The check step says the time the visit leaves and the clinician it goes to, before anything moves.
        Assert.Equal("Check before moving", check.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(otherName, check.QuerySelector(".booking-check")!.TextContent);
        Assert.Equal(before.StartUtc, (await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == before.Id, ct))).StartUtc);
        using var moved = await DeskTimes.ConfirmAsync(desk, check, ct);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == before.Id, ct));
        Assert.Equal(other.Clinician, after.ClinicianId);
        Assert.Equal(values.Single(v => v.Key == "start").Value, after.StartUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        var readBack = await desk.GetPageAsync(moved.Headers.Location!.OriginalString, ct);
        Assert.Contains("with " + otherName, readBack.QuerySelector(".readback")!.TextContent);
    }
}
