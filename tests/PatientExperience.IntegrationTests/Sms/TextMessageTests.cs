using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Sms;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sms;

/// <summary>
/// Booking texts through a real Kannel (bearerbox, smsbox, fakesmsc): what the fake operator receives is what a
/// patient's phone would show (issue 19).
/// </summary>
public class TextMessageTests(SmsPortal portal) : IClassFixture<SmsPortal>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("en", "555 010 7101", "Both", "November 25, 2026", "your appointment is booked for")]
    [InlineData("es", "555 010 7102", "Text", "25 de noviembre de 2026", "su cita esta reservada para el")]
    [InlineData("zh-Hans", "555 010 7103", "Text", "2026年11月25日", "您的预约已确认")]
    public async Task APatientWhoChoseTextGetsTheConfirmationAtTheGatewayInTheirLanguage(string language, string phone, string messages, string day, string words)
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Gateway.Require();
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (browser, email) = await portal.PatientAsync("Mina", phone, language, messages, ct);
        var e164 = "+1" + ValidationExtensions.PhoneDigits(phone);

        using var booked = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Vaccination", null, 0, ct, from: "2026-11-25");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var appointment = await portal.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Patient!.Email == email, ct));
        await portal.DispatchAsync(ct);

        var text = Assert.Single(await portal.Gateway.WaitForAsync(e164, 1, Wait, ct));
        Assert.Equal("Riverside", text.From);
        Assert.Contains(words, text.Text, StringComparison.Ordinal);
        Assert.Contains(day, text.Text, StringComparison.Ordinal);
        // The same words for the time as every page and email in that language.
        var when = await portal.WithScopeAsync(sp =>
        {
            using var _ = new PatientExperience.Web.Configurations.CultureScope(language);
            return Task.FromResult(SmsAlphabet.PreferGsm7(sp.GetRequiredService<TimeText>().Time(appointment.StartUtc)));
        });
        Assert.Contains(when, text.Text, StringComparison.Ordinal);
        Assert.Contains("(555) 010-0100", text.Text, StringComparison.Ordinal);
        Assert.InRange(text.Parts, 1, SmsSegments.MaxParts);
        var queued = Assert.Single(await portal.TextsToAsync(e164, ct));
        Assert.Equal(queued.TextBody, text.Text);
        Assert.True(SmsSegments.Count(queued.TextBody) <= SmsSegments.MaxParts, $"{SmsSegments.Count(queued.TextBody)} parts: {queued.TextBody}");
        // Privacy: the service booked (medical detail) and the patient's name are not in the text.
        Assert.DoesNotContain("Vaccination", text.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Mina", text.Text, StringComparison.Ordinal);

        // "Both" also emails; "Text" only texts.
        var confirmations = (await portal.MessagesToAsync(email, ct)).Count(m => m.AttachmentContent is not null);
        Assert.Equal(messages == "Both" ? 1 : 0, confirmations);
    }

    [Fact]
    public async Task MovingAndCancellingEachSendOneTextAndTheReminderGoesByTextOnceADayBefore()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Gateway.Require();
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (browser, email) = await portal.PatientAsync("Theo", "555 010 7201", "en", "Text", ct);
        const string e164 = "+15550107201";
        using var booked = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Skin check", null, 0, ct, from: "2026-11-25");
        var id = await portal.WithDbAsync(db => db.Appointments.Where(a => a.Patient!.Email == email).Select(a => a.Id).SingleAsync(ct));

        var times = await browser.GetPageAsync($"/appointments/{id}/reschedule", ct);
        var confirm = await browser.GetPageAsync(times.QuerySelectorAll("a.slot")[^1].GetAttribute("href")!, ct);
        using var moved = await browser.SubmitAsync(confirm, $"/appointments/{id}/reschedule", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var start = await portal.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.StartUtc).SingleAsync(ct));
        await portal.DispatchAsync(ct);

        // Well before the cut-off, the patient cancels; then books again for the reminder.
        var details = await browser.GetPageAsync($"/appointments/{id}", ct);
        using var cancelled = await browser.SubmitAsync(details, $"/appointments/{id}/cancel", [new("reason", "Feeling better")], ct);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        using var again = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Skin check", null, 0, ct, from: "2026-11-26");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var second = await portal.WithDbAsync(db => db.Appointments.Where(a => a.Patient!.Email == email && a.Id != id).Select(a => a.StartUtc).SingleAsync(ct));
        await portal.DispatchAsync(ct);

        // A day before the visit the reminder goes, once, by text.
        portal.Time.SetUtcNow(new DateTimeOffset(second.AddHours(-23), TimeSpan.Zero));
        await portal.RunRemindersAsync(ct);
        await portal.RunRemindersAsync(ct);
        await portal.DispatchAsync(ct);


        var texts = await portal.Gateway.WaitForAsync(e164, 5, Wait, ct);
        Assert.Collection(texts,
            t => Assert.Contains("your appointment is booked for", t.Text, StringComparison.Ordinal),
            t => Assert.Contains($"your appointment has moved to {NewYorkTime.When(start)}", t.Text, StringComparison.Ordinal),
            t => Assert.Contains($"your appointment on {NewYorkTime.When(start)}", t.Text, StringComparison.Ordinal),
            t => Assert.Contains($"your appointment is booked for {NewYorkTime.When(second)}", t.Text, StringComparison.Ordinal),
            t => Assert.Contains($"a reminder of your appointment on {NewYorkTime.When(second)}", t.Text, StringComparison.Ordinal));
        Assert.EndsWith("is cancelled. For a new time, call (555) 010-0100.", texts[2].Text, StringComparison.Ordinal);
        Assert.All(texts, t => Assert.InRange(t.Parts, 1, SmsSegments.MaxParts));
        // Text only: no booking email at all.
        Assert.DoesNotContain(await portal.MessagesToAsync(email, ct), m => m.AttachmentContent is not null);
    }

    [Fact]
    public async Task APatientWhoChoseEmailGetsNoText()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Gateway.Require();
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (browser, email) = await portal.PatientAsync("Ines", "555 010 7301", "en", "Email", ct);
        using var booked = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Vaccination", null, 1, ct, from: "2026-11-26");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        await portal.DispatchAsync(ct);

        Assert.Empty(await portal.TextsToAsync("+15550107301", ct));
        Assert.Contains(await portal.MessagesToAsync(email, ct), m => m.Subject.StartsWith("Your appointment is booked", StringComparison.Ordinal));
        await Task.Delay(500, ct);
        Assert.DoesNotContain(portal.Gateway.Received(), t => t.To == "+15550107301");
    }

    /// <summary>The text is queued in the booking's own transaction: a booking that fails after queuing it leaves no text.</summary>
    [Fact]
    public async Task ABookingThatRollsBackLeavesNoText()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (_, email) = await portal.PatientAsync("Rollo", "555 010 7401", "en", "Text", ct);
        var (patientId, serviceId) = await portal.WithDbAsync(async db => (
            await db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct),
            await db.ClinicServices.Where(s => s.Name == "Blood pressure review").Select(s => s.Id).SingleAsync(ct)));
        var start = new DateTime(2026, 11, 27, 15, 0, 0, DateTimeKind.Utc); // Friday 10:00 New York

        var queuedInside = false;
        await Assert.ThrowsAsync<InvalidOperationException>(() => portal.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<PatientExperience.Infrastructure.Data.AppDbContext>();
            return sp.GetRequiredService<BookingService>().BookAsync(new BookAppointment(patientId, serviceId, null, start, InteractionChannel.Web, null),
                async (_, c) =>
                {
                    // Everything the booking queued is written inside its transaction; then the server dies before the commit.
                    await db.SaveChangesAsync(c);
                    queuedInside = await db.OutboxMessages.AnyAsync(m => m.To == "+15550107401" && m.Channel == PatientExperience.Core.Email.OutboxChannel.Text, c);
                    throw new InvalidOperationException("The server stopped mid-booking.");
                }, ct);
        }));
        Assert.True(queuedInside);

        Assert.Empty(await portal.WithDbAsync(db => db.Appointments.Where(a => a.PatientId == patientId).ToListAsync(ct)));
        Assert.Empty(await portal.TextsToAsync("+15550107401", ct));

        // The same booking without the failure queues exactly one text.
        var result = await portal.WithScopeAsync(sp =>
            sp.GetRequiredService<BookingService>().BookAsync(new BookAppointment(patientId, serviceId, null, start, InteractionChannel.Web, null), ct));
        Assert.True(result.IsSuccess, result.Status.ToString());
        Assert.Single(await portal.TextsToAsync("+15550107401", ct));
    }

    /// <summary>A text queued at night waits for the morning (Sms:QuietHoursStart–End, 21:00–08:00 clinic time).</summary>
    [Fact]
    public async Task ATextQueuedAtNightWaitsUntilTheMorning()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Gateway.Require();
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (_, email) = await portal.PatientAsync("Nora", "555 010 7501", "en", "Text", ct);
        portal.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 3, 30, 0, TimeSpan.Zero)); // Monday 22:30 New York
        var browser = new Browser(portal.CreateBrowser());
        await browser.SignInAsync(email, ct, SmsPortal.Password);
        using var booked = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Vaccination", null, 2, ct, from: "2026-11-27");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);

        var queued = Assert.Single(await portal.TextsToAsync("+15550107501", ct));
        Assert.Equal(new DateTime(2026, 11, 24, 13, 0, 0, DateTimeKind.Utc), queued.NextAttemptAtUtc); // Tuesday 08:00 New York
        await portal.DispatchAsync(ct);
        await Task.Delay(500, ct);
        Assert.DoesNotContain(portal.Gateway.Received(), t => t.To == "+15550107501");

        portal.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero));
        await portal.DispatchAsync(ct);
        Assert.Single(await portal.Gateway.WaitForAsync("+15550107501", 1, Wait, ct));
    }
}
