using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Email;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Sms;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Patients;

/// <summary>
/// A patient on a phone chooses how each kind of message reaches them on /my/details (issue 19): their language, text
/// for visits, email and text for offers of an earlier time, and finds the choices kept, in their language, when they
/// come back; the next booking's text is then in that language. In English, Spanish and Chinese; axe checks each page.
/// </summary>
public class MessageChoicesJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    /// <summary>What the patient reads once the page is in their language, and how their booking text begins.</summary>
    public sealed record Words(string Heading, string Saved, string Visits, string Text, string Offers, string Both, string Reminders, string Same, string BookedText);

    public static TheoryData<string, Words> Languages => new()
    {
        { "en", new("Your details", "Your details are saved.", "How do you want messages about your visits?", "Text message",
            "And offers of an earlier time from the waitlist?", "Email and text message", "And reminders before a visit?", "The same way",
            "Riverside Health Clinic: your appointment is booked for ") },
        { "es", new("Sus datos", "Sus datos están guardados.", "¿Cómo quiere recibir los mensajes sobre sus visitas?", "Mensaje de texto",
            "¿Y las ofertas de una hora antes de la lista de espera?", "Correo electrónico y mensaje de texto", "¿Y los recordatorios antes de una visita?",
            "De la misma forma", "Riverside Health Clinic: su cita esta reservada para el ") },
        { "zh-Hans", new("您的资料", "您的资料已保存。", "您希望如何接收就诊消息？", "短信", "那么候补名单的提前时段通知呢？", "电子邮件和短信", "那么就诊前的提醒呢？", "方式相同",
            "Riverside Health Clinic：您的预约已确认，时间 ") },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task APatientOnAPhoneChoosesHowEachKindOfMessageComes(string language, Words words)
    {
        var ct = TestContext.Current.CancellationToken;
        // Each language starts from the demo patient as seeded: English, everything by email.
        await browser.Portal.WithDbAsync(db => db.Patients.Where(p => p.Email == "patient@demo.test").ExecuteUpdateAsync(s => s
            .SetProperty(p => p.PreferredLanguage, "en").SetProperty(p => p.ContactBySms, false).SetProperty(p => p.TextInsteadOfEmail, false)
            .SetProperty(p => p.ReminderMessages, VisitMessages.Email).SetProperty(p => p.WaitlistMessages, VisitMessages.Email), ct));

        await using var patient = await browser.OpenAsync(Viewport.Named("phone"));
        await patient.SignInAsync("patient@demo.test");
        await patient.GoToAsync("/my/details");
        await patient.SeesPageAsync("Your details", "my-details-messages");

        await patient.Field("Language for pages and emails").SelectOptionAsync(language);
        var visits = patient.Main.GetByRole(AriaRole.Group, new() { Name = "How do you want messages about your visits?" });
        await visits.GetByLabel("Text message", new() { Exact = true }).CheckAsync();
        var offers = patient.Main.GetByRole(AriaRole.Group, new() { Name = "And offers of an earlier time from the waitlist?" });
        await Expect(offers.GetByLabel("The same way", new() { Exact = true })).ToBeCheckedAsync();
        await offers.GetByLabel("Email and text message", new() { Exact = true }).CheckAsync();
        await patient.Button("Save my details").ClickAsync();
        await Expect(patient.StatusMessage).ToHaveTextAsync(words.Saved);

        // Back on the page, in their language, the choices as they left them.
        await patient.GoToAsync("/my/details");
        await patient.SeesPageAsync(words.Heading, language == "en" ? "my-details-messages-saved" : $"my-details-messages-saved-{language}");
        await Expect(patient.Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        visits = patient.Main.GetByRole(AriaRole.Group, new() { Name = words.Visits });
        offers = patient.Main.GetByRole(AriaRole.Group, new() { Name = words.Offers });
        await Expect(visits.GetByLabel(words.Text, new() { Exact = true })).ToBeCheckedAsync();
        await Expect(offers.GetByLabel(words.Both, new() { Exact = true })).ToBeCheckedAsync();
        var reminders = patient.Main.GetByRole(AriaRole.Group, new() { Name = words.Reminders });
        await Expect(reminders.GetByLabel(words.Same, new() { Exact = true })).ToBeCheckedAsync();

        var saved = await browser.Portal.WithDbAsync(db => db.Patients.Where(p => p.Email == "patient@demo.test")
            .Select(p => new { p.Id, p.PreferredLanguage, p.WaitlistMessages, p.ReminderMessages, p.TextInsteadOfEmail }).SingleAsync(ct));
        Assert.Equal((language, VisitMessages.Both, VisitMessages.Text, true), (saved.PreferredLanguage, saved.WaitlistMessages, saved.ReminderMessages, saved.TextInsteadOfEmail));

        // The clinic books their next visit: the confirmation goes by text only, in their language, in two SMS at most.
        var text = await BookedTextAsync(saved.Id, ct);
        Assert.StartsWith(words.BookedText, text, StringComparison.Ordinal);
        Assert.InRange(SmsSegments.Count(text), 1, SmsSegments.MaxParts);
    }

    /// <summary>Books a visit for the patient as the desk would (through the portal's own booking service) and returns the text it queued.</summary>
    private async Task<string> BookedTextAsync(int patientId, CancellationToken ct)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PatientExperience.Infrastructure.Data.AppDbContext>();
        var before = await db.OutboxMessages.Where(m => m.PatientId == patientId).Select(m => (int?)m.Id).MaxAsync(ct) ?? 0;
        var service = await db.ClinicServices.Where(s => s.Name == "Vaccination").Select(s => new { s.Id }).SingleAsync(ct);
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var slots = (await sp.GetRequiredService<Availability>().SlotsAsync(service.Id, null, from, 14, ct)).SelectMany(d => d.Slots);
        var booking = sp.GetRequiredService<BookingService>();
        // The first free time the patient is free too (an earlier language's run booked one).
        var booked = false;
        foreach (var slot in slots.Take(20))
        {
            var result = await booking.BookAsync(new BookAppointment(patientId, service.Id, slot.ClinicianId, slot.StartUtc, InteractionChannel.Phone, null), ct);
            booked = result.IsSuccess;
            if (booked)
                break;
            db.ChangeTracker.Clear();
        }
        Assert.True(booked, "No free time to book.");
        var queued = await db.OutboxMessages.AsNoTracking().Where(m => m.PatientId == patientId && m.Id > before).ToListAsync(ct);
        Assert.DoesNotContain(queued, m => m.Channel == OutboxChannel.Email);
        return Assert.Single(queued, m => m.Channel == OutboxChannel.Text).TextBody!;
    }
}
