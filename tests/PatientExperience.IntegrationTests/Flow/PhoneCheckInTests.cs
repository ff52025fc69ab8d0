using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Email;
using PatientExperience.Core.Patients;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Flow;

/// <summary>
/// Check-in from the patient's phone: the day's single-use link goes once, by the patient's channel and in their
/// language, an hour before the visit; "I'm here" makes them arrived with the time, which the flow board and the desk
/// show as from their phone; every other state of the link says why, with the clinic's phone, never an error.
/// </summary>
public class PhoneCheckInTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private static string Token(string link) => link.Split('/')[2].Split('?')[0];

    [Fact]
    public async Task TheLinkGoesOnceAnHourBeforeAndImHereChecksInFromThePhoneWithTheTime()
    {
        var ct = TestContext.Current.CancellationToken;
        var byEmail = await FlowDay.PatientAsync(factory, "Phone Email", "en", VisitMessages.Email, ct);
        var byText = await FlowDay.PatientAsync(factory, "Phone Texto", "es", VisitMessages.Text, ct);
        var visits = await FlowDay.BookBackToBackAsync(factory, [byEmail.Id, byText.Id], ct);
        var (first, second) = (visits[0], visits[1]);

        // A minute before the window opens: nothing yet.
        FlowDay.At(factory, first.StartUtc.AddMinutes(-61));
        await FlowDay.RunAsync<PhoneCheckIn>(factory, ct);
        Assert.DoesNotContain(await factory.MessagesToAsync(byEmail.Email, ct), m => m.Subject.StartsWith("Check in", StringComparison.Ordinal));

        // When it opens, two instances sweep at once and a restarted one later: one link, by email, in English.
        FlowDay.At(factory, first.StartUtc.AddMinutes(-60));
        await Task.WhenAll(Task.Run(() => FlowDay.RunAsync<PhoneCheckIn>(factory, ct), ct), Task.Run(() => FlowDay.RunAsync<PhoneCheckIn>(factory, ct), ct));
        await FlowDay.RunAsync<PhoneCheckIn>(factory, ct);
        var mail = Assert.Single(await factory.MessagesToAsync(byEmail.Email, ct), m => m.Subject.StartsWith("Check in", StringComparison.Ordinal));
        Assert.Equal($"Check in for your visit at {NewYorkTime.Time(first.StartUtc)}", mail.Subject);
        Assert.Contains("When you arrive, press the button to tell us you are here.", mail.TextBody, StringComparison.Ordinal);
        var link = OutboxReader.LinkIn(mail);
        Assert.StartsWith("/checkin/", link, StringComparison.Ordinal);
        // The database keeps only the token's hash.
        var stored = await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == first.Id).Select(a => a.CheckInTokenHash).SingleAsync(ct));
        Assert.Equal(OneTimeToken.Hash(Token(link)), stored);
        Assert.DoesNotContain(Token(link), stored!, StringComparison.OrdinalIgnoreCase);

        // The patient who chose text gets theirs by text only, in Spanish, when their own window opens.
        FlowDay.At(factory, second.StartUtc.AddMinutes(-60));
        await FlowDay.RunAsync<PhoneCheckIn>(factory, ct);
        var text = Assert.Single(await factory.MessagesToAsync(byText.Phone, ct), m => m.TextBody.Contains("/c/", StringComparison.Ordinal));
        Assert.Equal(OutboxChannel.Text, text.Channel);
        Assert.Contains("registre su llegada aqui", text.TextBody, StringComparison.Ordinal);
        // The text's short link (/c/…, no ?culture=) sends the phone on to the check-in page, in Spanish.
        var textLink = await Sms.SmsPortal.FollowTextLinkAsync(new Browser(factory.CreateBrowser()), text.TextBody, 'c', ct);
        Assert.StartsWith("/checkin/", textLink, StringComparison.Ordinal);
        Assert.EndsWith("?culture=es", textLink, StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.MessagesToAsync(byText.Email, ct), m => m.Subject.Contains("llegada", StringComparison.Ordinal));

        // Ten minutes later the first patient opens the link on their phone: no sign-in, one big button.
        FlowDay.At(factory, first.StartUtc.AddMinutes(-10));
        var phone = new Browser(factory.CreateBrowser());
        var page = await phone.GetPageAsync(link, ct);
        Assert.Equal("Check in for your visit", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"Your visit at {NewYorkTime.Time(first.StartUtc)} with Sam", page.MainText(), StringComparison.Ordinal);
        using (var pressed = await phone.SubmitAsync(page, link, [], ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
            page = await phone.GetPageAsync(pressed.Headers.Location!.OriginalString, ct);
        }
        Assert.Equal("You are checked in", page.QuerySelector("h1")!.TextContent.Trim());
        var arrivedAt = NewYorkTime.Time(first.StartUtc.AddMinutes(-10));
        Assert.Contains($"We noted your arrival at {arrivedAt}.", page.MainText(), StringComparison.Ordinal);
        var arrived = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == first.Id, ct));
        Assert.Equal(AppointmentStatus.Arrived, arrived.Status);
        Assert.Equal(first.StartUtc.AddMinutes(-10), arrived.ArrivedAtUtc);
        Assert.True(arrived.ArrivedFromPhone);

        // Single use: pressing again (an old tab) changes nothing, and says they are checked in at the first time.
        FlowDay.At(factory, first.StartUtc.AddMinutes(-5));
        using (var again = await phone.PostWithTokenAsync(page, link, [], ct))
        {
            var after = await phone.GetPageAsync(again.Headers.Location!.OriginalString, ct);
            Assert.Contains($"We noted your arrival at {arrivedAt}.", after.MainText(), StringComparison.Ordinal);
        }
        Assert.Equal(first.StartUtc.AddMinutes(-10), await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == first.Id).Select(a => a.ArrivedAtUtc).SingleAsync(ct)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Interactions.CountAsync(i => i.PatientId == byEmail.Id && i.Kind == Core.Interactions.InteractionKind.CheckIn, ct)));

        // The flow board and the desk's day show them arrived, with the time, from their phone; the wait runs from then.
        var desk = await FlowDay.SignedInAsync(factory, "frontdesk@demo.test", ct);
        var board = await desk.GetPageAsync("/flow", ct);
        var waiting = board.QuerySelectorAll("#waiting-h ~ ul li").Single(li => li.TextContent.Contains("Ana Phone Email", StringComparison.Ordinal));
        Assert.Equal($"Arrived {arrivedAt}", waiting.QuerySelector("[data-arrived]")!.TextContent.Trim());
        Assert.Equal("from phone", waiting.QuerySelector("[data-from-phone]")!.TextContent.Trim());
        var day = await desk.GetPageAsync("/frontdesk?window=day&status=All", ct);
        var row = day.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Ana Phone Email", StringComparison.Ordinal));
        Assert.Equal($"Arrived {arrivedAt}", row.QuerySelector("[data-arrived]")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector("[data-from-phone]"));
        // The other patient has not arrived: no time, no badge.
        var other = day.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Ana Phone Texto", StringComparison.Ordinal));
        Assert.Null(other.QuerySelector("[data-arrived]"));
    }

    [Fact]
    public async Task TooEarlyAfterTheEndCancelledAndWrongLinksSayWhyWithTheClinicPhoneInTheirLanguage()
    {
        var ct = TestContext.Current.CancellationToken;
        var early = await FlowDay.PatientAsync(factory, "Early Link", "es", VisitMessages.Email, ct);
        var cancelled = await FlowDay.PatientAsync(factory, "Gone Link", "zh-Hans", VisitMessages.Email, ct);
        var visits = await FlowDay.BookBackToBackAsync(factory, [early.Id, cancelled.Id], ct);
        var (visit, gone) = (visits[0], visits[1]);

        // The links as the job makes them (a link can be older than its window: a visit moved earlier, a clock put right).
        var tokens = new Dictionary<int, string>();
        foreach (var id in new[] { visit.Id, gone.Id })
        {
            var (token, hash) = OneTimeToken.NewShort();
            tokens[id] = token;
            await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.CheckInTokenHash, hash).SetProperty(a => a.CheckInLinkSentAtUtc, visit.StartUtc.AddHours(-2)), ct));
        }
        var phone = new Browser(factory.CreateBrowser());

        // Too early: in Spanish, from when it works, and the phone to call.
        FlowDay.At(factory, visit.StartUtc.AddMinutes(-90));
        var page = await phone.GetPageAsync($"/checkin/{tokens[visit.Id]}?culture=es", ct);
        Assert.Contains("Aún es pronto para registrar su llegada.", page.MainText(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[data-clinic-phone][href^='tel:']"));
        Assert.Empty(page.QuerySelectorAll("form[action^='/checkin/']"));
        // A crafted press does nothing either.
        using (var pressed = await phone.PostWithTokenAsync(page, $"/checkin/{tokens[visit.Id]}?culture=es", [], ct))
            Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        Assert.Equal(AppointmentStatus.Booked, await StatusAsync(visit.Id, ct));

        // A wrong or cut-short token: a page that says so, not an error.
        var wrong = await phone.GetPageAsync($"/checkin/{tokens[visit.Id][..10]}?culture=es", ct);
        Assert.Contains("Este enlace no es válido.", wrong.MainText(), StringComparison.Ordinal);
        var nonsense = await new Browser(factory.CreateBrowser()).GetPageAsync("/checkin/%3Cscript%3E", ct);
        Assert.Equal("This link does not work", nonsense.QuerySelector("h1")!.TextContent.Trim());

        // Cancelled: in Chinese.
        await factory.WithScopeAsync(async services =>
        {
            var result = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<BookingService>(services)
                .CancelAsync(gone.Id, null, "Feeling better", true, null, ct);
            Assert.True(result.IsSuccess);
            return 0;
        });
        FlowDay.At(factory, visit.StartUtc.AddMinutes(-30));
        var cancelledPage = await phone.GetPageAsync($"/checkin/{tokens[gone.Id]}?culture=zh-Hans", ct);
        Assert.Contains("此次就诊已取消，因此您无法签到。", cancelledPage.MainText(), StringComparison.Ordinal);

        // After the visit's end: over, and a press does not check in.
        FlowDay.At(factory, visit.EndUtc.AddMinutes(1));
        phone = new Browser(factory.CreateBrowser());
        var over = await phone.GetPageAsync($"/checkin/{tokens[visit.Id]}", ct);
        Assert.Equal("Check-in is closed", over.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("The time of this visit is over, so this link no longer works.", over.MainText(), StringComparison.Ordinal);
        using (var late = await phone.PostWithTokenAsync(over, $"/checkin/{tokens[visit.Id]}", [], ct))
            Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal(AppointmentStatus.Booked, await StatusAsync(visit.Id, ct));
    }

    private Task<AppointmentStatus> StatusAsync(int id, CancellationToken ct) =>
        factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(ct));
}
