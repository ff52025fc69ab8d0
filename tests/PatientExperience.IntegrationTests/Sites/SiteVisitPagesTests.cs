using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Email;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Infrastructure.Data;
using PatientExperience.IntegrationTests.Flow;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// A patient of the New York group with a visit at the Chicago site reads its time in Chicago's zone, named, on every
/// page and message that comes after the booking: the next-visit card on /my, the list, the move page, the check-in
/// link and its page, the answers to text replies, and a waitlist offer (email, page, booked page).
/// </summary>
public class SiteVisitPagesTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    // Monday 15 March 2027 (daylight time in both zones): 10:00 in Chicago is 15:00 UTC and 11:00 in New York.
    private static readonly DateTime Monday10amChicago = new(2027, 3, 15, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task AChicagoVisitIsReadInCentralTimeOnMyPageTheListTheMovePageTheCheckInLinkAndTextAnswers()
    {
        var ct = TestContext.Current.CancellationToken;
        factory.AtLeast(SitesFactory.Friday9amChicago);
        var (email, phone, patientId) = await TextingPatientAsync("chicagovisit", "+15550109301", ct);
        var chicago = await BookAsync(patientId, "Chicago Loop Clinic", "Whitfield", Monday10amChicago, ct);
        // A second visit at the New York site the day after, to see both zones in one list.
        var sam = await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.Email == FlowDay.Sam).Select(s => s.LastName).SingleAsync(ct));
        var newYork = await BookFirstOnAsync(patientId, "Riverside Health Clinic", sam, new DateOnly(2027, 3, 16), ct);

        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);

        // The next-visit card: Chicago's 10:00, named, not New York's 11:00.
        var my = await patient.GetPageAsync("/my", ct);
        var card = my.QuerySelector(".next-appointment")!.TextContent;
        Assert.Contains("Monday, March 15, 2027, 10:00 AM", card);
        Assert.Contains("(Central Time)", card);
        Assert.DoesNotContain("11:00 AM", card);

        // The list holds visits in two zones: each time names its own.
        var list = await patient.GetPageAsync("/appointments", ct);
        var upcoming = list.QuerySelectorAll(".appointment-list h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal("Monday, March 15, 10:00 AM (Central Time)", upcoming[0]);
        Assert.Equal($"{NewYorkTime.Format(newYork, "dddd, MMMM d, h:mm tt")} (Eastern Time)", upcoming[1]);
        Assert.DoesNotContain("Times are in", list.MainText());

        // Moving it: the time it has now is Chicago's, like the times offered beside it.
        var move = await patient.GetPageAsync($"/appointments/{chicago}/reschedule?from=2027-03-15", ct);
        Assert.Equal("Now: Monday, March 15, 10:00 AM with Dana Whitfield", move.QuerySelector(".current-visit")!.TextContent.Trim());
        Assert.Contains("Times are in Central Time.", move.MainText());

        // The reminder went out a day before; the patient's text answers name Chicago's time and give Chicago's phone.
        FlowDay.At(factory, Monday10amChicago.AddHours(-23));
        await FlowDay.RunAsync<ReminderProcessor>(factory, ct);
        await ReplyAsync(phone, "what?", ct);
        var help = await LastTextAsync(phone, ct);
        Assert.Contains("your appointment on Monday, March 15, 2027, 10:00 AM (Central Time). Or call (555) 010-0200.", help);
        await ReplyAsync(phone, "C", ct);
        Assert.Equal("Riverside Health Clinic: thank you. Your appointment on Monday, March 15, 2027, 10:00 AM (Central Time) is confirmed.",
            await LastTextAsync(phone, ct));

        // The check-in link an hour before: the email's subject and the page say Chicago's time, with Chicago's phone.
        FlowDay.At(factory, Monday10amChicago.AddMinutes(-60));
        await FlowDay.RunAsync<PhoneCheckIn>(factory, ct);
        var mail = Assert.Single(await factory.MessagesToAsync(email, ct), m => m.Subject.StartsWith("Check in", StringComparison.Ordinal));
        Assert.Equal("Check in for your visit at 10:00 AM (Central Time)", mail.Subject);
        var checkIn = await new Browser(factory.CreateBrowser()).GetPageAsync(OutboxReader.LinkIn(mail), ct);
        Assert.Contains("Your visit at 10:00 AM (Central Time) with Dana Whitfield", checkIn.QuerySelector("[data-checkin-visit]")!.TextContent);
        var call = checkIn.QuerySelector("a[data-clinic-phone]")!;
        Assert.Equal("(555) 010-0200", call.TextContent);
        Assert.Equal("tel:+15550100200", call.GetAttribute("href"));
    }

    [Fact]
    public async Task AWaitlistOfferAtChicagoIsWrittenInCentralTimeInTheEmailOnItsPageAndOnceBooked()
    {
        var ct = TestContext.Current.CancellationToken;
        factory.AtLeast(SitesFactory.Friday9amChicago);
        var (email, _, _) = await TextingPatientAsync("chicagowait", "+15550109302", ct, VisitMessages.Email);
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);

        // Both sites have a Family Medicine: the join form puts each site's services under its name.
        var join = await patient.GetPageAsync("/waitlist", ct);
        var groups = join.QuerySelectorAll("#ServiceId optgroup");
        Assert.Equal(["Chicago Loop Clinic", "Riverside Health Clinic"], groups.Select(g => g.GetAttribute("label")!).ToList());
        var vaccination = groups[0].QuerySelectorAll("option").Single(o => o.TextContent.Contains("Vaccination", StringComparison.Ordinal)).GetAttribute("value")!;
        using var joined = await patient.SubmitAsync(join, "/waitlist", [new("ServiceId", vaccination), new("From", "2027-03-15"), new("To", "2027-03-26")], ct);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);

        // Someone at Chicago cancels Tuesday's 11:00 (Chicago time; noon in New York): it is offered.
        var tuesday11amChicago = new DateTime(2027, 3, 16, 16, 0, 0, DateTimeKind.Utc);
        var freer = (await factory.CreatePatientsAsync("chicagofreer", 1, ct))[0];
        var freerId = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == freer).Select(p => p.Id).SingleAsync(ct));
        var freed = await BookAsync(freerId, "Chicago Loop Clinic", "Romero", tuesday11amChicago, ct, "Vaccination");
        await factory.WithScopeAsync(async services =>
        {
            Assert.True((await services.GetRequiredService<BookingService>().CancelAsync(freed, null, "Cannot make it", true, null, ct)).IsSuccess);
            return 0;
        });

        var offer = Assert.Single(await factory.MessagesToAsync(email, ct), m => m.Subject.StartsWith("An earlier time is free", StringComparison.Ordinal));
        Assert.Equal("An earlier time is free: Vaccination, Tuesday, March 16, 2027, 11:00 AM (Central Time)", offer.Subject);
        Assert.Contains("(Central Time)", offer.TextBody.Split("We are holding it for you until")[1]);
        var page = await patient.GetPageAsync(OutboxReader.LinkIn(offer), ct);
        Assert.Contains("Tuesday, March 16, 2027, 11:00 AM (Central Time)", page.MainText());
        Assert.DoesNotContain("12:00 PM", page.MainText());
        using var taken = await patient.SubmitAsync(page, page.QuerySelector("main form")!.GetAttribute("action")!, [], ct);
        var booked = await Browser.ReadAsync(taken, ct);
        Assert.Contains("Tuesday, March 16, 2027, 11:00 AM (Central Time)", booked.MainText());
    }

    /// <summary>A patient who signs in, with a number of their own that can take texts, and visit messages by <paramref name="messages"/>.</summary>
    private async Task<(string Email, string Phone, int Id)> TextingPatientAsync(string prefix, string phone, CancellationToken ct, VisitMessages messages = VisitMessages.Both)
    {
        var email = (await factory.CreatePatientsAsync(prefix, 1, ct))[0];
        var id = await factory.WithDbAsync(async db =>
        {
            var patient = await db.Patients.AsTracking().SingleAsync(p => p.Email == email, ct);
            patient.NormalizePhone(phone);
            patient.SetVisitMessages(messages, phoneCanText: true);
            await db.SaveChangesAsync(ct);
            return patient.Id;
        });
        return (email, phone, id);
    }

    private Task<int> BookAsync(int patientId, string site, string clinicianLastName, DateTime startUtc, CancellationToken ct, string service = "Follow-up appointment") =>
        factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var serviceId = await db.ClinicServices.Where(s => s.Name == service && s.Department!.Site!.Name == site).Select(s => s.Id).SingleAsync(ct);
            var clinicianId = await db.StaffMembers.Where(s => s.LastName == clinicianLastName).Select(s => s.Id).SingleAsync(ct);
            var result = await services.GetRequiredService<BookingService>().BookAsync(
                new BookAppointment(patientId, serviceId, clinicianId, startUtc, InteractionChannel.Web, null), ct);
            Assert.True(result.IsSuccess, result.Status.ToString());
            return result.AppointmentId!.Value;
        });

    /// <summary>Books the clinician's first free follow-up on <paramref name="day"/> (the site's day); returns its start.</summary>
    private Task<DateTime> BookFirstOnAsync(int patientId, string site, string clinicianLastName, DateOnly day, CancellationToken ct) =>
        factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var serviceId = await db.ClinicServices.Where(s => s.Name == "Follow-up appointment" && s.Department!.Site!.Name == site).Select(s => s.Id).SingleAsync(ct);
            var clinicianId = await db.StaffMembers.Where(s => s.LastName == clinicianLastName).Select(s => s.Id).SingleAsync(ct);
            var slot = (await services.GetRequiredService<Availability>().SlotsAsync(serviceId, clinicianId, day, 1, ct)).SelectMany(d => d.Slots).First();
            var result = await services.GetRequiredService<BookingService>().BookAsync(
                new BookAppointment(patientId, serviceId, clinicianId, slot.StartUtc, InteractionChannel.Web, null), ct);
            Assert.True(result.IsSuccess, result.Status.ToString());
            return slot.StartUtc;
        });

    /// <summary>The patient's phone texts the portal, as the gateway passes it on.</summary>
    private async Task ReplyAsync(string phone, string text, CancellationToken ct)
    {
        using var client = factory.CreateBrowser();
        using var response = await client.GetAsync(
            $"/sms/inbound?secret={SitesFactory.InboundSecret}&from={Uri.EscapeDataString(phone)}&text={Uri.EscapeDataString(text)}", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> LastTextAsync(string phone, CancellationToken ct) =>
        (await factory.MessagesToAsync(phone, ct)).Where(m => m.Channel == OutboxChannel.Text).OrderBy(m => m.Id).Last().TextBody;
}
