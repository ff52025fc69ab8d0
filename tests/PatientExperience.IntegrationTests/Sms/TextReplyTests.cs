using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Email;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Sms;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sms;

/// <summary>The same portal with reminders two days ahead, so a reply to one can still cancel inside the 24-hour policy.</summary>
public sealed class ReplySmsPortal : SmsPortal
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Booking:ReminderHoursBefore"] = "48",
    };
}

/// <summary>
/// Patients answer texts from their phones: each reply is injected into the real Kannel through a fakesmsc on the
/// phones' side, smsbox calls the portal's /sms/inbound with the shared secret, and the portal's answers reach the
/// fake operator like any text (issue 19 items 3 and 5).
/// </summary>
public class TextReplyTests(ReplySmsPortal portal) : IClassFixture<ReplySmsPortal>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>A patient who chose text, with a visit on <paramref name="day"/> whose reminder (two days ahead) has reached their phone.</summary>
    private async Task<(Browser Browser, string Email, string E164, int PatientId, Appointment Visit)> RemindedAsync(
        string name, string phone, string language, string day, int slot, CancellationToken ct)
    {
        portal.Gateway.Require();
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (browser, email) = await portal.PatientAsync(name, phone, language, "Text", ct);
        var e164 = "+1" + ValidationExtensions.PhoneDigits(phone);
        using var booked = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Vaccination", null, slot, ct, from: day);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var visit = await portal.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Patient!.Email == email, ct));
        portal.Time.SetUtcNow(new DateTimeOffset(visit.StartUtc.AddHours(-47), TimeSpan.Zero));
        await portal.RunRemindersAsync(ct);
        await portal.DispatchAsync(ct);
        var texts = await portal.Gateway.WaitForAsync(e164, 2, Wait, ct);
        Assert.Equal(2, texts.Count);
        Assert.InRange(texts[1].Parts, 1, SmsSegments.MaxParts);
        return (browser, email, e164, visit.PatientId, visit);
    }

    private Task<Appointment> VisitAsync(int id, CancellationToken ct) =>
        portal.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id, ct));

    [Fact]
    public async Task ReplyingCConfirmsTheVisitAndTheFrontDeskSeesItConfirmedByText()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, _, e164, patientId, visit) = await RemindedAsync("Cora", "555 010 8101", "en", "2026-11-26", 0, ct);
        var reminder = (await portal.Gateway.WaitForAsync(e164, 2, Wait, ct))[1];
        Assert.Contains("Reply C to confirm, R to change, X to cancel.", reminder.Text, StringComparison.Ordinal);

        await portal.ReplyAsync(e164, patientId, "c", ct);

        var answer = (await portal.Gateway.WaitForAsync(e164, 3, Wait, ct))[2];
        Assert.StartsWith("Riverside Health Clinic: thank you. Your appointment on ", answer.Text, StringComparison.Ordinal);
        Assert.EndsWith(" is confirmed.", answer.Text, StringComparison.Ordinal);
        Assert.NotNull((await VisitAsync(visit.Id, ct)).ConfirmedByTextAtUtc);

        // On the day, the desk's list says so.
        portal.Time.SetUtcNow(new DateTimeOffset(visit.StartUtc.AddHours(-1), TimeSpan.Zero));
        var desk = new Browser(portal.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var page = await desk.GetPageAsync("/frontdesk?window=day&status=All&q=Cora", ct);
        var row = Assert.Single(page.QuerySelectorAll("table.day-list tbody tr"), r => r.TextContent.Contains("Cora Texter", StringComparison.Ordinal));
        Assert.Contains("Confirmed by text", row.TextContent, StringComparison.Ordinal);

        // Both texts, in and out, are on the timeline as text messages.
        var lines = await portal.WithDbAsync(db => db.Interactions.AsNoTracking().Where(i => i.PatientId == patientId && i.Channel == InteractionChannel.Text).Select(i => i.Summary).ToListAsync(ct));
        Assert.Contains("Text message received: c", lines);
        Assert.Contains(lines, l => l.StartsWith("Text message sent: Riverside Health Clinic: thank you.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Text message sent: Riverside Health Clinic: a reminder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplyingRPutsACallBackOnTheDesksScreenUntilItIsMarkedDone()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, _, e164, patientId, _) = await RemindedAsync("Remy", "555 010 8201", "en", "2026-11-26", 1, ct);

        await portal.ReplyAsync(e164, patientId, "R", ct);

        var answer = (await portal.Gateway.WaitForAsync(e164, 3, Wait, ct))[2];
        Assert.Contains("We will call you to find a new time", answer.Text, StringComparison.Ordinal);
        var desk = new Browser(portal.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var page = await desk.GetPageAsync("/frontdesk", ct);
        var task = Assert.Single(page.QuerySelectorAll("#callbacks li"), li => li.TextContent.Contains("Remy Texter", StringComparison.Ordinal));
        Assert.Contains("(555) 010-8201", task.TextContent, StringComparison.Ordinal);

        using var done = await desk.SubmitAsync(page, $"/frontdesk/callbacks/{task.GetAttribute("data-callback")}/done", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await desk.GetPageAsync("/frontdesk", ct);
        Assert.DoesNotContain(after.QuerySelectorAll("#callbacks li"), li => li.TextContent.Contains("Remy Texter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplyingXInsideThePolicyCancelsAndTheCancellationTextArrives()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, _, e164, patientId, visit) = await RemindedAsync("Xena", "555 010 8301", "en", "2026-11-27", 0, ct);

        await portal.ReplyAsync(e164, patientId, "X", ct);

        var cancelled = await VisitAsync(visit.Id, ct);
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Status);
        Assert.Equal(TextReplyService.CancelReason, cancelled.CancellationReason);
        var answer = (await portal.Gateway.WaitForAsync(e164, 3, Wait, ct))[2];
        Assert.EndsWith("is cancelled. For a new time, call (555) 010-0100.", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyingXPastTheCutOffKeepsTheVisitAndAsksThemToCall()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, _, e164, patientId, visit) = await RemindedAsync("Lena", "555 010 8401", "en", "2026-11-27", 1, ct);
        portal.Time.SetUtcNow(new DateTimeOffset(visit.StartUtc.AddHours(-20), TimeSpan.Zero)); // inside the 24-hour cut-off

        await portal.ReplyAsync(e164, patientId, "x", ct);

        Assert.Equal(AppointmentStatus.Booked, (await VisitAsync(visit.Id, ct)).Status);
        var answer = (await portal.Gateway.WaitForAsync(e164, 3, Wait, ct))[2];
        Assert.Contains("it is too late to cancel your appointment on", answer.Text, StringComparison.Ordinal);
        Assert.EndsWith("by text. Please call us on (555) 010-0100.", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownReplyGetsOneHelpTextAndASecondGetsNone()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, _, e164, patientId, _) = await RemindedAsync("Hugo", "555 010 8501", "en", "2026-11-30", 0, ct);

        await portal.ReplyAsync(e164, patientId, "What time is it again", ct);
        var help = (await portal.Gateway.WaitForAsync(e164, 3, Wait, ct))[2];
        Assert.Contains("reply C to confirm, R to change or X to cancel your appointment on", help.Text, StringComparison.Ordinal);

        await portal.ReplyAsync(e164, patientId, "hello?", ct);
        await Task.Delay(1500, ct);
        Assert.Equal(3, portal.Gateway.Received().Count(t => t.To == e164));
    }

    [Fact]
    public async Task StopEndsTextsOnTheSpotEmailTakesOverAndStartBringsThemBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email, e164, patientId, _) = await RemindedAsync("Stella", "555 010 8601", "en", "2026-12-01", 0, ct);
        // Two days on, the first sign-in has long timed out.
        var browser = new Browser(portal.CreateBrowser());
        await browser.SignInAsync(email, ct, SmsPortal.Password);

        await portal.ReplyAsync(e164, patientId, "STOP", ct);
        var stopped = (await portal.Gateway.WaitForAsync(e164, 3, Wait, ct))[2];
        Assert.Equal("Riverside Health Clinic: you will get no more texts from us. Reply START to get them again.", stopped.Text);
        var details = await browser.GetPageAsync("/my/details", ct);
        Assert.Contains("you texted us to stop", details.QuerySelector("#texts-stopped")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains(await portal.WithDbAsync(db => db.Interactions.Where(i => i.PatientId == patientId).Select(i => i.Summary).ToListAsync(ct)),
            s => s == "Texts turned off by a text reply (STOP)");

        // Booking again: no text, the email instead.
        var textsBefore = (await portal.TextsToAsync(e164, ct)).Count;
        using var again = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Skin check", null, 0, ct, from: "2026-12-03");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(textsBefore, (await portal.TextsToAsync(e164, ct)).Count);
        Assert.Contains(await portal.MessagesToAsync(email, ct), m => m.Subject.StartsWith("Your appointment is booked", StringComparison.Ordinal));

        await portal.ReplyAsync(e164, patientId, "start", ct);
        var started = (await portal.Gateway.WaitForAsync(e164, 4, Wait, ct))[3];
        Assert.Equal("Riverside Health Clinic: texts are on again. Reply STOP to end them.", started.Text);
        using var third = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Skin check", null, 0, ct, from: "2026-12-07");
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        await portal.DispatchAsync(ct);
        Assert.Contains("your appointment is booked for", (await portal.Gateway.WaitForAsync(e164, 5, Wait, ct))[4].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", "555 010 8701", "SI", "Riverside Health Clinic: gracias. Su cita del ", " esta confirmada.")]
    [InlineData("zh-Hans", "555 010 8702", "确认", "Riverside Health Clinic：谢谢。您", "的预约已确认。")]
    public async Task RepliesInSpanishAndChineseAreReadAndAnsweredInTheirLanguage(string language, string phone, string reply, string starts, string ends)
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, _, e164, patientId, visit) = await RemindedAsync("Lin", phone, language, "2026-12-02", language == "es" ? 0 : 1, ct);
        var reminder = (await portal.Gateway.WaitForAsync(e164, 2, Wait, ct))[1];
        Assert.Contains(language == "es" ? "Responda C para confirmar, R para cambiar, X para cancelar." : "回复C确认，R改期，X取消。", reminder.Text, StringComparison.Ordinal);

        await portal.ReplyAsync(e164, patientId, reply, ct);

        Assert.NotNull((await VisitAsync(visit.Id, ct)).ConfirmedByTextAtUtc);
        var answer = (await portal.Gateway.WaitForAsync(e164, 3, Wait, ct))[2];
        Assert.StartsWith(starts, answer.Text, StringComparison.Ordinal);
        Assert.EndsWith(ends, answer.Text, StringComparison.Ordinal);
        Assert.Contains($"Text message received: {reply}", await portal.WithDbAsync(db => db.Interactions.Where(i => i.PatientId == patientId).Select(i => i.Summary).ToListAsync(ct)));
    }

    /// <summary>Per kind: visit messages by email, reminders by text (issue 19 item 3).</summary>
    [Fact]
    public async Task AReminderByTextWhileEverythingElseComesByEmail()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Gateway.Require();
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (browser, email) = await portal.PatientAsync("Kim", "555 010 9101", "en", "Email", ct);
        const string e164 = "+15550109101";
        var details = await browser.GetPageAsync("/my/details", ct);
        Assert.Equal("And reminders before a visit?", details.QuerySelector("input[name='Form.Reminders']")?.Closest("fieldset")?.QuerySelector("legend")?.TextContent);
        Assert.True(details.QuerySelector("#Form_Reminders")?.HasAttribute("checked"), "\"The same way\" is the default.");
        using var saved = await browser.SubmitAsync(details, "/my/details", [new("Form.Messages", "Email"), new("Form.Reminders", "Text")], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True((await browser.GetPageAsync("/my/details", ct)).QuerySelector("#Form_Reminders_Text")?.HasAttribute("checked"));

        using var booked = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Skin check", null, 1, ct, from: "2026-12-08");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Empty(await portal.TextsToAsync(e164, ct));
        Assert.Contains(await portal.MessagesToAsync(email, ct), m => m.Subject.StartsWith("Your appointment is booked", StringComparison.Ordinal));

        var start = await portal.WithDbAsync(db => db.Appointments.Where(a => a.Patient!.Email == email).Select(a => a.StartUtc).SingleAsync(ct));
        portal.Time.SetUtcNow(new DateTimeOffset(start.AddHours(-47), TimeSpan.Zero));
        await portal.RunRemindersAsync(ct);
        await portal.DispatchAsync(ct);
        var reminder = Assert.Single(await portal.Gateway.WaitForAsync(e164, 1, Wait, ct));
        Assert.Contains("a reminder of your appointment on", reminder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await portal.MessagesToAsync(email, ct), m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal));
    }

    /// <summary>A waitlist offer goes by text (with its one-click link) to a patient who chose text only, and no email (issue 19 item 4).</summary>
    [Fact]
    public async Task AWaitlistOfferGoesByTextWithItsLink()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Gateway.Require();
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (waiter, email) = await portal.PatientAsync("Wanda", "555 010 9201", "en", "Text", ct);
        const string e164 = "+15550109201";
        var (serviceId, clinicianId) = await portal.WithDbAsync(async db =>
        {
            var service = await db.ClinicServices.Where(s => s.Name == "Dermatology consultation").Select(s => new { s.Id, s.DepartmentId }).SingleAsync(ct);
            return (service.Id, await db.StaffMembers.Where(m => m.IsClinician && m.DepartmentId == service.DepartmentId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(ct));
        });
        using var joined = await waiter.SubmitAsync("/waitlist", "/waitlist",
            [new("ServiceId", serviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("From", "2026-11-23"), new("To", "2026-12-20")], ct);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);

        // Someone else's visit at that time is cancelled: the freed time is offered to the waiting patient.
        var (_, freerEmail) = await portal.PatientAsync("Fred", "555 010 9202", "en", "Email", ct);
        var start = new DateTime(2026, 12, 15, 15, 0, 0, DateTimeKind.Utc); // Tuesday 10:00 New York
        await portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PatientExperience.Infrastructure.Data.AppDbContext>();
            var freer = await db.Patients.Where(p => p.Email == freerEmail).Select(p => p.Id).SingleAsync(ct);
            var booking = sp.GetRequiredService<BookingService>();
            var booked = await booking.BookAsync(new BookAppointment(freer, serviceId, clinicianId, start, InteractionChannel.Web, null), ct);
            Assert.True(booked.IsSuccess, booked.Status.ToString());
            Assert.True((await booking.CancelAsync(booked.AppointmentId!.Value, null, "Cannot make it", true, null, ct)).IsSuccess);
            return true;
        });
        await portal.DispatchAsync(ct);

        var offer = Assert.Single(await portal.Gateway.WaitForAsync(e164, 1, Wait, ct));
        Assert.StartsWith("Riverside Health Clinic: an earlier time is free with ", offer.Text, StringComparison.Ordinal);
        Assert.Contains(NewYorkTime.When(start), offer.Text, StringComparison.Ordinal);
        Assert.Contains("To take it: http", offer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dermatology consultation", offer.Text, StringComparison.Ordinal);
        Assert.InRange(offer.Parts, 1, SmsSegments.MaxParts);
        Assert.DoesNotContain(await portal.MessagesToAsync(email, ct), m => m.Subject.StartsWith("An earlier time is free", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheGatewaysDeliveryReportMarksTheTextDelivered()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, _, e164, _, _) = await RemindedAsync("Dora", "555 010 8801", "en", "2026-12-02", 2, ct);

        var until = DateTime.UtcNow + Wait;
        List<OutboxMessage> texts;
        while ((texts = await portal.TextsToAsync(e164, ct)).Any(t => t.DeliveredAtUtc is null))
        {
            Assert.True(DateTime.UtcNow < until, "Kannel's delivery reports did not reach the portal.");
            await Task.Delay(100, ct);
        }
        Assert.Equal(2, texts.Count);
        Assert.All(texts, t => Assert.Null(t.DeliveryFailedAtUtc));
        Assert.Contains(portal.Relay.Calls, c => c.PathAndQuery.StartsWith("/sms/delivery?", StringComparison.Ordinal) && c.Status == 200);
    }

    /// <summary>
    /// fakesmsc always delivers (and says so at once), so the failure report is sent as Kannel would send it — its
    /// dlr-url with status 2 — for a text the fake operator has not had.
    /// </summary>
    [Fact]
    public async Task AFailedTextGoesByEmailOnceToAPatientWhoHasOne()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (browser, email) = await portal.PatientAsync("Fay", "555 010 8901", "en", "Text", ct);
        const string e164 = "+15550108901";
        using var booked = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Vaccination", null, 0, ct, from: "2026-12-04");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var patientId = await portal.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct));
        var confirmation = Assert.Single(await portal.TextsToAsync(e164, ct));
        var client = portal.CreateBrowser();
        var emailsBefore = (await portal.MessagesToAsync(email, ct)).Count;

        using var first = await client.GetAsync($"/sms/delivery?secret={SmsPortal.InboundSecret}&id={confirmation.Id}&status=2", ct);
        using var second = await client.GetAsync($"/sms/delivery?secret={SmsPortal.InboundSecret}&id={confirmation.Id}&status=2", ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        var emails = await portal.MessagesToAsync(email, ct);
        var fallback = Assert.Single(emails.Skip(emailsBefore));
        Assert.Equal("A message from Riverside Health Clinic", fallback.Subject);
        Assert.Contains(confirmation.TextBody, fallback.TextBody, StringComparison.Ordinal);
        Assert.Contains(await portal.WithDbAsync(db => db.Interactions.Where(i => i.PatientId == patientId).Select(i => i.Summary).ToListAsync(ct)),
            s => s == "A text message was not delivered, so it went by email");
    }

    [Fact]
    public async Task AnInboundTextWithoutTheSecretIsRefusedAndChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (_, email) = await portal.PatientAsync("Spoof", "555 010 9001", "en", "Text", ct);
        var client = portal.CreateBrowser();

        using var missing = await client.GetAsync("/sms/inbound?from=%2B15550109001&text=STOP", ct);
        using var wrong = await client.GetAsync("/sms/inbound?secret=guess&from=%2B15550109001&text=STOP", ct);
        using var report = await client.GetAsync("/sms/delivery?secret=guess&id=1&status=2", ct);
        using var bad = await client.GetAsync($"/sms/inbound?secret={SmsPortal.InboundSecret}&text=STOP", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, report.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Null(await portal.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.TextsStoppedAtUtc).SingleAsync(ct)));
    }
}
