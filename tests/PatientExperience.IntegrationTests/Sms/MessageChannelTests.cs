using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Sms;
using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Dashboards;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sms;

/// <summary>The Kannel portal with the survey job off (the tests run it) and the default 24-hour reminder and cut-off.</summary>
public sealed class ChannelSmsPortal : SmsPortal
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Surveys:Enabled"] = "false",
    };
}

/// <summary>
/// The survey link and the complaint acknowledgement by text for patients who chose it, each kind's own choice on
/// /my/details, the channel recorded with each answer and the response rate per channel on the dashboard, reminders
/// confirmed by reply on the operations dashboard, and a reminder that offers only the replies that still work
/// (issue 18 item 4, issue 19 items 3, 4, 5 and 8). Through a real Kannel: fakesmsc receives what a phone would.
/// </summary>
public class MessageChannelTests(ChannelSmsPortal portal) : IClassFixture<ChannelSmsPortal>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>Saves /my/details as the patient would, with a choice for surveys and complaints (null: not posted).</summary>
    private static async Task<HttpResponseMessage> ChooseAsync(Browser browser, string phone, string language, string messages, string? surveys, string? complaints,
        CancellationToken ct)
    {
        var details = await browser.GetPageAsync("/my/details", ct);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Phone", phone), new("Form.PreferredLanguage", language), new("Form.ContactByEmail", "true"),
            new("Form.ContactByPhone", "true"), new("Form.Messages", messages),
        };
        if (surveys is not null)
            fields.Add(new("Form.Surveys", surveys));
        if (complaints is not null)
            fields.Add(new("Form.Complaints", complaints));
        return await browser.SubmitAsync(details, "/my/details", fields, ct);
    }

    private Task<Patient> PatientAsync(string email, CancellationToken ct) =>
        portal.WithDbAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Email == email, ct));

    /// <summary>Books the patient's visit on <paramref name="day"/> through the pages.</summary>
    private async Task<Appointment> BookAsync(Browser browser, string email, string day, int slot, CancellationToken ct)
    {
        using var booked = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Vaccination", null, slot, ct, from: day);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        return await portal.WithDbAsync(db => db.Appointments.AsNoTracking().Where(a => a.Patient!.Email == email).OrderByDescending(a => a.Id).FirstAsync(ct));
    }

    /// <summary>The desk sees the visit through: arrived, with the clinician, completed.</summary>
    private async Task FinishAsync(Appointment visit, CancellationToken ct)
    {
        foreach (var (step, at) in new[] { (FlowStep.Arrived, -5), (FlowStep.InRoom, 5), (FlowStep.Completed, 20) })
        {
            portal.Time.SetUtcNow(new DateTimeOffset(visit.StartUtc.AddMinutes(at), TimeSpan.Zero));
            await using var scope = portal.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<VisitFlow>().AdvanceAsync(visit.Id, step, null, null, ct);
            Assert.True(result.IsSuccess, $"{step}: {result.Status}");
        }
    }

    /// <summary>Two hours after the visit (the survey delay) the survey job runs and the outbox sends.</summary>
    private async Task SendSurveysAsync(Appointment visit, CancellationToken ct)
    {
        portal.Time.SetUtcNow(new DateTimeOffset(visit.StartUtc.AddMinutes(20).AddHours(2).AddMinutes(1), TimeSpan.Zero));
        await portal.WithScopeAsync(sp => sp.GetRequiredService<SurveyDispatcher>().RunOnceAsync(ct));
        await portal.DispatchAsync(ct);
    }

    private static async Task AnswerAsync(string link, Browser browser, CancellationToken ct)
    {
        var page = await browser.GetPageAsync(link, ct);
        using var sent = await browser.SubmitAsync(page, link, [new("q_recommend", "10"), new("q_overall", "9")], ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
    }

    [Fact]
    public async Task ASpanishPatientWhoChoseTextForSurveysGetsTheLinkByTextAndTheDashboardCountsEachChannel()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Gateway.Require();
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        // Lucía: visit messages by email (as before), the survey by text. Emma: everything by email, as today.
        var (lucia, luciaEmail) = await portal.PatientAsync("Lucia", "555 010 9101", "es", "Email", ct);
        using (var saved = await ChooseAsync(lucia, "555 010 9101", "es", "Email", "Text", null, ct))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(VisitMessages.Text, (await PatientAsync(luciaEmail, ct)).SurveyMessages);
        var shown = await lucia.GetPageAsync("/my/details", ct);
        Assert.NotNull(shown.QuerySelector("input[name='Form.Surveys'][value='Text'][checked]"));
        var (emma, emmaEmail) = await portal.PatientAsync("Emma", "555 010 9102", "en", "Email", ct);
        Assert.Equal(VisitMessages.Email, (await PatientAsync(emmaEmail, ct)).SurveyMessages);

        // Both book while signed in; then the day comes and the desk sees both visits through.
        var luciaVisit = await BookAsync(lucia, luciaEmail, "2026-11-30", 0, ct);
        var emmaVisit = await BookAsync(emma, emmaEmail, "2026-11-30", 1, ct);
        await FinishAsync(luciaVisit, ct);
        await FinishAsync(emmaVisit, ct);
        await SendSurveysAsync(emmaVisit.StartUtc > luciaVisit.StartUtc ? emmaVisit : luciaVisit, ct);

        // Lucía's phone gets the link, in Spanish, in at most two SMS, with nothing about the visit but its date.
        var text = Assert.Single(await portal.Gateway.WaitForAsync("+15550109101", 1, Wait, ct));
        Assert.StartsWith("Riverside Health Clinic: gracias por su visita del ", text.Text, StringComparison.Ordinal);
        Assert.InRange(text.Parts, 1, SmsSegments.MaxParts);
        Assert.DoesNotContain("Vaccination", text.Text, StringComparison.OrdinalIgnoreCase);
        // The short link (/s/…) sends the phone on to the survey, in Spanish.
        var anonymous = new Browser(portal.CreateBrowser());
        var link = await SmsPortal.FollowTextLinkAsync(anonymous, text.Text, 's', ct);
        Assert.StartsWith("/survey/", link, StringComparison.Ordinal);
        Assert.EndsWith("?culture=es", link, StringComparison.Ordinal);
        // Text only: no survey email; Emma, who kept email, gets hers and no text.
        Assert.DoesNotContain(await portal.MessagesToAsync(luciaEmail, ct), m => m.TextBody.Contains("/survey/", StringComparison.Ordinal));
        var emmaMail = Assert.Single(await portal.MessagesToAsync(emmaEmail, ct), m => m.TextBody.Contains("/survey/", StringComparison.Ordinal));
        Assert.Empty(await portal.TextsToAsync("+15550109102", ct));

        // Both answer through their own link; the answer records how it came.
        var page = await anonymous.GetPageAsync(link, ct);
        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        await AnswerAsync(link, anonymous, ct);
        await AnswerAsync(OutboxReader.LinkIn(emmaMail), new Browser(portal.CreateBrowser()), ct);
        var responses = await portal.WithDbAsync(db => db.SurveyResponses.AsNoTracking()
            .Where(r => r.AppointmentId == luciaVisit.Id || r.AppointmentId == emmaVisit.Id).ToDictionaryAsync(r => r.AppointmentId, ct));
        Assert.Equal(ResponseChannel.TextLink, responses[luciaVisit.Id].Channel);
        Assert.Equal(ResponseChannel.EmailLink, responses[emmaVisit.Id].Channel);

        // The manager sees the channel on the response, and the response rate per channel for that day.
        var manager = new Browser(portal.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var detail = await manager.GetPageAsync($"/surveys/responses/{responses[luciaVisit.Id].Id}", ct);
        Assert.Equal("Text link", detail.GetElementById("response-channel")!.TextContent.Trim());
        var dashboard = await manager.GetPageAsync("/dashboard?period=custom&from=2026-11-30&to=2026-11-30", ct);
        var (headers, rows) = DashboardPage.Table(dashboard, "satisfaction-channels");
        Assert.Equal(["Channel", "Invitations sent (n)", "Responses", "Response rate", "Response rate 95% interval"], headers[..5]);
        Assert.Equal(["Email link", "1", "1", "–", DashboardPage.Wilson(1, 1)], rows[0][..5]);
        Assert.Equal(["Text link", "1", "1", "–", DashboardPage.Wilson(1, 1)], rows[1][..5]);
        Assert.Equal(["Patient's own page (signed in)", "2", "0", "–", DashboardPage.Wilson(0, 2)], rows[2][..5]);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task AChinesePatientWhoChoseTextForComplaintsGetsTheAcknowledgementByTextAndNoEmail()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Gateway.Require();
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (browser, email) = await portal.PatientAsync("Wei", "555 010 9201", "zh-Hans", "Email", ct);
        using (var saved = await ChooseAsync(browser, "555 010 9201", "zh-Hans", "Email", null, "Text", ct))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(VisitMessages.Text, (await PatientAsync(email, ct)).ComplaintMessages);

        var form = await browser.GetPageAsync("/my/complaints/new", ct);
        var category = form.QuerySelectorAll("#CategoryId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        using (var filed = await browser.SubmitAsync(form, "/my/complaints/new",
                   [new("CategoryId", category), new("WhatHappened", "The nurse was rude about my rash and my medication.")], ct))
            Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var patientId = (await PatientAsync(email, ct)).Id;
        var complaint = await portal.WithDbAsync(db => db.Complaints.AsNoTracking().Where(c => c.PatientId == patientId).SingleAsync(ct));
        Assert.NotNull(complaint.AcknowledgedAtUtc);
        await portal.DispatchAsync(ct);

        var text = Assert.Single(await portal.Gateway.WaitForAsync("+15550109201", 1, Wait, ct));
        Assert.StartsWith("Riverside Health Clinic：我们已收到您的投诉，编号" + complaint.Reference, text.Text, StringComparison.Ordinal);
        Assert.InRange(text.Parts, 1, SmsSegments.MaxParts);
        // Privacy: none of the complaint's own words.
        Assert.DoesNotContain("rash", text.Text, StringComparison.Ordinal);
        // Text only: no acknowledgement email.
        Assert.DoesNotContain(await portal.MessagesToAsync(email, ct), m => m.Subject.Contains(complaint.Reference, StringComparison.Ordinal));
        var lines = await portal.WithDbAsync(db => db.Interactions.AsNoTracking()
            .Where(i => i.PatientId == complaint.PatientId && i.Channel == InteractionChannel.Text).CountAsync(ct));
        Assert.Equal(1, lines);
    }

    [Theory]
    [InlineData("555 010 9301", "Form.Surveys", "Fax", "Choose how you want the survey after a visit.")]
    [InlineData("555 010 9302", "Form.Surveys", "9", "Choose how you want the survey after a visit.")]
    [InlineData("555 010 9303", "Form.Complaints", "Pigeon", "Choose how you want us to confirm a complaint.")]
    public async Task AChoiceNotOnTheListGetsAClearMessageAndChangesNothing(string phone, string field, string value, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (browser, email) = await portal.PatientAsync("Nadia", phone, "en", "Email", ct);
        using var posted = await ChooseAsync(browser, phone, "en", "Text",
            field == "Form.Surveys" ? value : "Text", field == "Form.Complaints" ? value : "Text", ct);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = await Browser.ReadAsync(posted, ct);
        Assert.Contains(message, page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        var patient = await PatientAsync(email, ct);
        Assert.Equal(VisitMessages.Email, patient.SurveyMessages);
        Assert.Equal(VisitMessages.Email, patient.ComplaintMessages);
        Assert.Equal(VisitMessages.Email, patient.ChosenVisitMessages);
    }

    [Fact]
    public async Task AReminderPastTheCutOffOffersOnlyCAndRAndTheDashboardCountsTheReplyConfirmation()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Gateway.Require();
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (browser, email) = await portal.PatientAsync("Rosa", "555 010 9401", "en", "Text", ct);
        const string e164 = "+15550109401";
        var visit = await BookAsync(browser, email, "2026-12-01", 2, ct);

        // The default reminder goes 24 hours ahead, which is the default cut-off: X would only bring "too late, call us".
        portal.Time.SetUtcNow(new DateTimeOffset(visit.StartUtc.AddHours(-23), TimeSpan.Zero));
        await portal.RunRemindersAsync(ct);
        await portal.DispatchAsync(ct);
        var reminder = (await portal.Gateway.WaitForAsync(e164, 2, Wait, ct))[1];
        Assert.Contains("a reminder of your appointment", reminder.Text, StringComparison.Ordinal);
        Assert.Contains("Reply C to confirm, R to ask us to call you.", reminder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("X to cancel", reminder.Text, StringComparison.Ordinal);
        Assert.InRange(reminder.Parts, 1, SmsSegments.MaxParts);

        // The patient confirms by reply.
        await portal.Gateway.InjectAsync(e164, "C", ct);
        var until = DateTime.UtcNow + Wait;
        while ((await portal.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == visit.Id, ct))).ConfirmedByTextAtUtc is null)
        {
            Assert.True(DateTime.UtcNow < until, "The reply C did not reach the portal.");
            await Task.Delay(100, ct);
        }
        await FinishAsync(visit, ct);

        var manager = new Browser(portal.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var dashboard = await manager.GetPageAsync("/dashboard?period=custom&from=2026-12-01&to=2026-12-01", ct);
        var metric = DashboardPage.Metrics(dashboard, "operations")["Reminders confirmed by reply"];
        Assert.Equal("n = 1", metric.N);
        Assert.Equal(DashboardPage.Percent(1, 1), metric.Value);
    }

    /// <summary>
    /// Waitlist offers have a choice of their own (issue 19 item 4): a Spanish patient whose visit messages come by email
    /// but who chose text for offers of an earlier time gets the offer by text, in Spanish, within two SMS, with the
    /// clinician, the time and the link only, and no offer by email; /my/details shows the choice.
    /// </summary>
    [Fact]
    public async Task APatientWhoChoseTextForWaitlistOffersOnlyGetsTheOfferByTextInTheirLanguage()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Gateway.Require();
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        const string phone = "555 010 9501";
        const string e164 = "+15550109501";
        var (waiter, email) = await portal.PatientAsync("Ximena", phone, "es", "Email", ct);
        var details = await waiter.GetPageAsync("/my/details", ct);
        Assert.Equal("¿Y las ofertas de una hora antes de la lista de espera?",
            details.QuerySelector("input[name='Form.Waitlist']")?.Closest("fieldset")?.QuerySelector("legend")?.TextContent.Trim());
        using (var saved = await waiter.SubmitAsync(details, "/my/details",
        [
            new("Form.Phone", phone), new("Form.PreferredLanguage", "es"), new("Form.ContactByEmail", "true"),
            new("Form.ContactByPhone", "true"), new("Form.Messages", "Email"), new("Form.Waitlist", "Text"),
        ], ct))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        details = await waiter.GetPageAsync("/my/details", ct);
        Assert.True(details.QuerySelector("input#Form_Waitlist_Text")?.HasAttribute("checked"), "The waitlist choice is shown as saved.");
        Assert.True(details.QuerySelector("input#Form_Messages")?.HasAttribute("checked"), "Visit messages stay email.");

        var (serviceId, clinicianId) = await portal.WithDbAsync(async db =>
        {
            var service = await db.ClinicServices.Where(s => s.Name == "Dermatology consultation").Select(s => new { s.Id, s.DepartmentId }).SingleAsync(ct);
            return (service.Id, await db.StaffMembers.Where(m => m.IsClinician && m.DepartmentId == service.DepartmentId).OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync(ct));
        });
        using (var joined = await waiter.SubmitAsync("/waitlist", "/waitlist",
            [new("ServiceId", serviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("From", "2026-11-23"), new("To", "2026-12-20")], ct))
            Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);

        // Someone else's visit is cancelled: the freed time is offered to the waiting patient.
        var (_, freerEmail) = await portal.PatientAsync("Fermin", "555 010 9502", "en", "Email", ct);
        var start = new DateTime(2026, 12, 16, 15, 0, 0, DateTimeKind.Utc); // Wednesday 10:00 New York
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
        Assert.StartsWith("Riverside Health Clinic: hay una hora antes libre con ", offer.Text, StringComparison.Ordinal);
        Assert.Contains("Para tomarla: http", offer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("culture=", offer.Text, StringComparison.Ordinal);
        // The place (department) may be named, never the service ("Dermatology consultation", "Consulta de dermatología").
        Assert.DoesNotContain("consult", offer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(offer.Parts, 1, SmsSegments.MaxParts);
        Assert.DoesNotContain(await portal.MessagesToAsync(email, ct), m => m.Subject.Contains("hora antes", StringComparison.OrdinalIgnoreCase)
            || m.Subject.StartsWith("An earlier time is free", StringComparison.Ordinal));

        // The short link in the text (/o/…) opens the offer, in Spanish (on a phone that never signed in too).
        var link = await SmsPortal.FollowTextLinkAsync(waiter, offer.Text, 'o', ct);
        Assert.EndsWith("?culture=es", link, StringComparison.Ordinal);
        var page = await waiter.GetPageAsync(link, ct);
        Assert.NotNull(page.QuerySelector("main form[action^='/waitlist/offers/']"));
        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
    }

    /// <summary>
    /// Past the cancellation cut-off the help text for a reply we cannot read offers only C and R, as the reminder does
    /// (issue 19 item 5); help goes once per visit.
    /// </summary>
    [Fact]
    public async Task PastTheCutOffTheHelpTextOffersOnlyWhatIsStillAllowedAndGoesOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Gateway.Require();
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (browser, email) = await portal.PatientAsync("Hilda", "555 010 9601", "en", "Text", ct);
        const string e164 = "+15550109601";
        var visit = await BookAsync(browser, email, "2026-12-02", 2, ct);
        portal.Time.SetUtcNow(new DateTimeOffset(visit.StartUtc.AddHours(-23), TimeSpan.Zero));
        await portal.RunRemindersAsync(ct);
        await portal.DispatchAsync(ct);
        Assert.Equal(2, (await portal.Gateway.WaitForAsync(e164, 2, Wait, ct)).Count);

        await portal.ReplyAsync(e164, visit.PatientId, "what is this about", ct);
        var help = (await portal.Gateway.WaitForAsync(e164, 3, Wait, ct))[2];
        Assert.Contains("reply C to confirm or R to change your appointment on", help.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("X", help.Text, StringComparison.Ordinal);
        Assert.EndsWith("Or call (555) 010-0100.", help.Text, StringComparison.Ordinal);
        Assert.InRange(help.Parts, 1, SmsSegments.MaxParts);

        await portal.ReplyAsync(e164, visit.PatientId, "??", ct);
        await Task.Delay(1500, ct);
        Assert.Equal(3, portal.Gateway.Received().Count(t => t.To == e164));
    }

    /// <summary>
    /// With no visit waiting for an answer, a reply we cannot read gets the help text once too (an auto-reply on the
    /// patient's phone must not start an endless exchange).
    /// </summary>
    [Fact]
    public async Task WithNoVisitWaitingAnUnreadableReplyGetsHelpOnlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Gateway.Require();
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        await portal.PatientAsync("Otto", "555 010 9602", "en", "Text", ct);
        const string e164 = "+15550109602";
        var patientId = await portal.WithDbAsync(db => db.Patients.Where(p => p.Phone == e164).Select(p => p.Id).SingleAsync(ct));

        await portal.ReplyAsync(e164, patientId, "I am driving, I will reply later", ct);
        var help = Assert.Single(await portal.Gateway.WaitForAsync(e164, 1, Wait, ct));
        Assert.Contains("we could not read your text. For help, call (555) 010-0100.", help.Text, StringComparison.Ordinal);

        await portal.ReplyAsync(e164, patientId, "I am driving, I will reply later", ct);
        await portal.ReplyAsync(e164, patientId, "I am driving, I will reply later", ct);
        await Task.Delay(1500, ct);
        Assert.Single(portal.Gateway.Received(), t => t.To == e164);
    }

    /// <summary>
    /// Help once does not mean once for ever (issue 19): a reply we cannot read gets help, another within the day gets
    /// nothing (an auto-reply cannot start an exchange), and one a day later gets help again.
    /// </summary>
    [Fact]
    public async Task HelpForAnUnreadableReplyGoesAgainADayLater()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Gateway.Require();
        var tenAm = SmsPortal.Monday8amNewYork.AddHours(2); // every answer below falls outside the quiet hours
        portal.Time.SetUtcNow(tenAm);
        await portal.PatientAsync("Ingrid", "555 010 9603", "en", "Text", ct);
        const string e164 = "+15550109603";
        var patientId = await portal.WithDbAsync(db => db.Patients.Where(p => p.Phone == e164).Select(p => p.Id).SingleAsync(ct));

        await portal.ReplyAsync(e164, patientId, "hello?", ct);
        Assert.Contains("we could not read your text", Assert.Single(await portal.Gateway.WaitForAsync(e164, 1, Wait, ct)).Text, StringComparison.Ordinal);

        // 23 hours later: still within the day, no answer.
        portal.Time.SetUtcNow(tenAm.AddHours(23));
        await portal.ReplyAsync(e164, patientId, "hello?", ct);
        await Task.Delay(1500, ct);
        Assert.Single(portal.Gateway.Received(), t => t.To == e164);

        // A day after the help went: help again, once.
        portal.Time.SetUtcNow(tenAm.AddHours(24));
        await portal.ReplyAsync(e164, patientId, "hello?", ct);
        var texts = await portal.Gateway.WaitForAsync(e164, 2, Wait, ct);
        Assert.Contains("we could not read your text", texts[1].Text, StringComparison.Ordinal);
        await portal.ReplyAsync(e164, patientId, "hello?", ct);
        await Task.Delay(1500, ct);
        Assert.Equal(2, portal.Gateway.Received().Count(t => t.To == e164));
    }
}
