using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Interactions;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Appointments;

public class WaitlistTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    // Each test waits for its own service, so neither test's waiting patients stand in the other's line.
    private async Task<(int ServiceId, int ClinicianId)> DermatologyAsync(string serviceName, CancellationToken ct) =>
        await factory.WithDbAsync(async db =>
        {
            var service = await db.ClinicServices.Where(s => s.Name == serviceName).Select(s => new { s.Id, s.DepartmentId }).SingleAsync(ct);
            var clinician = await db.StaffMembers.Where(m => m.IsClinician && m.DepartmentId == service.DepartmentId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(ct);
            return (service.Id, clinician);
        });

    private async Task JoinAsync(string email, int serviceId, CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        using var joined = await browser.SubmitAsync("/waitlist", "/waitlist",
            [new("ServiceId", serviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("From", "2026-11-23"), new("To", "2026-12-20")], ct);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Contains("You are on the waitlist", (await browser.GetPageAsync("/waitlist", ct)).MainText());
    }

    /// <summary>Someone books the time, then cancels it (as the front desk would, past any cut-off).</summary>
    private async Task FreeATimeAsync(string prefix, int serviceId, int clinicianId, DateTime startUtc, CancellationToken ct)
    {
        var email = (await factory.CreatePatientsAsync(prefix, 1, ct))[0];
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientExperience.Infrastructure.Data.AppDbContext>();
        var patientId = await db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct);
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        var booked = await booking.BookAsync(new BookAppointment(patientId, serviceId, clinicianId, startUtc, InteractionChannel.Web, null), ct);
        Assert.True(booked.IsSuccess, booked.Status.ToString());
        Assert.True((await booking.CancelAsync(booked.AppointmentId!.Value, null, "Cannot make it", true, null, ct)).IsSuccess);
    }

    private async Task<string> OfferLinkAsync(string email, CancellationToken ct)
    {
        var offer = (await factory.MessagesToAsync(email, ct)).Last(m => m.Subject.StartsWith("An earlier time is free", StringComparison.Ordinal));
        return OutboxReader.LinkIn(offer);
    }

    [Fact]
    public async Task FreedTimeIsOfferedToTheWaitingPatientWhoTakesItWithOneClickWithoutSigningIn()
    {
        var ct = TestContext.Current.CancellationToken;
        var (serviceId, clinicianId) = await DermatologyAsync("Dermatology consultation", ct);
        var waiter = (await factory.CreatePatientsAsync("waiter", 1, ct))[0];
        await JoinAsync(waiter, serviceId, ct);

        var start = new DateTime(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc); // Tuesday 10:00 New York
        await FreeATimeAsync("freer", serviceId, clinicianId, start, ct);

        var link = await OfferLinkAsync(waiter, ct);
        var anonymous = new Browser(factory.CreateBrowser());
        var offerPage = await anonymous.GetPageAsync(link, ct);
        Assert.True(offerPage.MainText().Contains("Tuesday, December 1, 2026, 10:00 AM (Eastern Time)", StringComparison.Ordinal), offerPage.MainText());
        using var accepted = await anonymous.SubmitAsync(offerPage, new Uri("https://localhost" + link).AbsolutePath, [], ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("You are booked", (await Browser.ReadAsync(accepted, ct)).MainText());

        var appointment = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Patient!.Email == waiter, ct));
        Assert.Equal((clinicianId, start, AppointmentStatus.Booked), (appointment.ClinicianId, appointment.StartUtc, appointment.Status));
        Assert.Equal(WaitlistStatus.Booked, await factory.WithDbAsync(db => db.WaitlistEntries.Where(e => e.PatientId == appointment.PatientId).Select(e => e.Status).SingleAsync(ct)));
    }

    [Fact]
    public async Task AnExpiredHoldPassesTheTimeToTheNextPatientInLine()
    {
        var ct = TestContext.Current.CancellationToken;
        var (serviceId, clinicianId) = await DermatologyAsync("Minor skin procedure", ct);
        var patients = await factory.CreatePatientsAsync("inline", 2, ct);
        await JoinAsync(patients[0], serviceId, ct);
        await JoinAsync(patients[1], serviceId, ct);

        var start = new DateTime(2026, 12, 2, 16, 0, 0, DateTimeKind.Utc); // Wednesday 11:00 New York
        await FreeATimeAsync("freer2", serviceId, clinicianId, start, ct);
        var firstLink = await OfferLinkAsync(patients[0], ct);
        Assert.DoesNotContain(await factory.MessagesToAsync(patients[1], ct), m => m.Subject.StartsWith("An earlier time", StringComparison.Ordinal));

        factory.Time.Advance(TimeSpan.FromMinutes(16));
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WaitlistService>().RunOnceAsync(ct);

        var first = new Browser(factory.CreateBrowser());
        var late = await first.GetPageAsync(firstLink, ct);
        Assert.Contains("no longer held for you", late.MainText());

        var secondLink = await OfferLinkAsync(patients[1], ct);
        var second = new Browser(factory.CreateBrowser());
        using var accepted = await second.SubmitAsync(await second.GetPageAsync(secondLink, ct), new Uri("https://localhost" + secondLink).AbsolutePath, [], ct);
        Assert.Contains("You are booked", (await Browser.ReadAsync(accepted, ct)).MainText());
        var offers = await factory.WithDbAsync(db => db.WaitlistOffers.Where(o => o.StartUtc == start).OrderBy(o => o.Id).Select(o => o.Status).ToListAsync(ct));
        Assert.Equal([OfferStatus.Expired, OfferStatus.Accepted], offers);
    }

    /// <summary>
    /// Several instances (sweeps, cancellations) offering the same free time at the same moment, each in its own scope and
    /// transaction: the database lets one hold stand, so one waiting patient is told "we are holding it for you".
    /// </summary>
    [Fact]
    public async Task OneFreeTimeOfferedByManyAtOnceIsHeldForOnePatientWithOneEmail()
    {
        var ct = TestContext.Current.CancellationToken;
        var (serviceId, clinicianId) = await DermatologyAsync("Skin check", ct);
        var patients = await factory.CreatePatientsAsync("onehold", 3, ct);
        foreach (var patient in patients)
            await JoinAsync(patient, serviceId, ct);
        var start = await factory.WithScopeAsync(async sp =>
        {
            var days = await sp.GetRequiredService<Availability>().SlotsAsync(serviceId, clinicianId, new DateOnly(2026, 12, 8), 7, ct);
            return days.SelectMany(d => d.Slots).First().StartUtc;
        });

        const int Offerers = 8;
        using var go = new SemaphoreSlim(0);
        var offerers = Enumerable.Range(0, Offerers).Select(_ => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var waitlist = scope.ServiceProvider.GetRequiredService<WaitlistService>();
            await go.WaitAsync(ct);
            return await waitlist.OfferAsync(serviceId, clinicianId, start, ct);
        }, ct)).ToList();
        go.Release(Offerers);
        var offered = await Task.WhenAll(offerers);

        Assert.Single(offered, o => o);
        Assert.Equal(1, await factory.WithDbAsync(db => db.WaitlistOffers.CountAsync(o => o.ClinicianId == clinicianId && o.StartUtc == start && o.Status == OfferStatus.Open, ct)));
        var told = 0;
        foreach (var patient in patients)
            told += (await factory.MessagesToAsync(patient, ct)).Count(m => m.Subject.StartsWith("An earlier time is free", StringComparison.Ordinal));
        Assert.Equal(1, told);
    }

    private static string Link(DateTime startUtc) => "start=" + startUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);


    /// <summary>
    /// "We are holding it for you" is true: while the hold is open the time is on nobody else's page (patient or front desk,
    /// one clinician or anyone), a booking for it from a page opened earlier is refused, and the waiting patient gets it.
    /// The email says the day, time and zone the hold ends.
    /// </summary>
    [Fact]
    public async Task AHeldTimeIsOfferedToNobodyElseAndCannotBeTakenUntilTheHoldEnds()
    {
        var ct = TestContext.Current.CancellationToken;
        var (serviceId, clinicianId) = await DermatologyAsync("Menopause consultation", ct);
        var waiter = (await factory.CreatePatientsAsync("heldfor", 1, ct))[0];
        await JoinAsync(waiter, serviceId, ct);
        var other = (await factory.CreatePatientsAsync("heldother", 1, ct))[0];
        var start = new DateTime(2026, 12, 3, 15, 0, 0, DateTimeKind.Utc); // Thursday 10:00 New York
        var times = $"/appointments/book/{serviceId}/times?from=2026-12-03&clinician=";

        var someone = new Browser(factory.CreateBrowser());
        await someone.SignInAsync(other, ct);
        var confirmBefore = await someone.GetPageAsync($"/appointments/book/{serviceId}/confirm?clinician={clinicianId}&{Link(start)}", ct);
        await FreeATimeAsync("heldfree", serviceId, clinicianId, start, ct);

        var offer = await factory.WithDbAsync(db => db.WaitlistOffers.AsNoTracking().SingleAsync(o => o.StartUtc == start && o.Status == OfferStatus.Open, ct));
        var mail = (await factory.MessagesToAsync(waiter, ct)).Last(m => m.Subject.StartsWith("An earlier time is free", StringComparison.Ordinal));
        var end = NewYorkTime.When(offer.ExpiresAtUtc);
        Assert.Contains($"We are holding it for you until {end} (Eastern Time)", mail.TextBody);

        // Not on anyone else's pages (with "anyone", the same time may still be offered with another clinician).
        Assert.DoesNotContain(Link(start), (await someone.GetPageAsync(times + clinicianId, ct)).DocumentElement.OuterHtml);
        var otherId = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == other).Select(p => p.Id).SingleAsync(ct));
        var heldName = await factory.WithDbAsync(db => db.StaffMembers.Where(m => m.Id == clinicianId).Select(m => m.FirstName + " " + m.LastName).SingleAsync(ct));
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        foreach (var clinician in new[] { clinicianId, 0 })
        {
            var screen = await desk.GetPageAsync($"/frontdesk/patients/{otherId}?serviceId={serviceId}&clinician={clinician}&from=2026-12-03", ct);
            var buttons = DeskTimes.On(screen, otherId);
            Assert.NotEmpty(buttons);
            Assert.DoesNotContain(buttons, f => f.QuerySelector("input[name=start]")!.GetAttribute("value") == Link(start)["start=".Length..]
                && f.QuerySelector("button")!.TextContent.Contains(heldName, StringComparison.Ordinal));
        }

        // Pages opened before the hold cannot take it either: the database refuses.
        using var patientTry = await someone.SubmitAsync(confirmBefore, "/appointments/book", [], ct);
        Assert.NotEqual(HttpStatusCode.Redirect, patientTry.StatusCode);
        Assert.Contains("that time was just taken", (await Browser.ReadAsync(patientTry, ct)).MainText());
        var deskScreen = await desk.GetPageAsync($"/frontdesk/patients/{otherId}", ct);
        using var deskTry = await desk.PostWithTokenAsync(deskScreen, $"/frontdesk/patients/{otherId}/book",
            [new("serviceId", serviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("clinicianId", clinicianId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("start", Link(start)["start=".Length..])], ct);
        Assert.Equal(HttpStatusCode.Conflict, deskTry.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Appointments.AnyAsync(a => a.PatientId == otherId, ct)));

        // The waiting patient gets it.
        var link = OutboxReader.LinkIn(mail);
        var anonymous = new Browser(factory.CreateBrowser());
        var offerPage = await anonymous.GetPageAsync(link, ct);
        Assert.Contains($"We are holding it for you until {end} (Eastern Time)", offerPage.MainText());
        using var accepted = await anonymous.SubmitAsync(offerPage, new Uri("https://localhost" + link).AbsolutePath, [], ct);
        Assert.Contains("You are booked", (await Browser.ReadAsync(accepted, ct)).MainText());
        Assert.True(await factory.WithDbAsync(db => db.Appointments.AnyAsync(a => a.Patient!.Email == waiter && a.StartUtc == start && a.Status == AppointmentStatus.Booked, ct)));
        Assert.False(await factory.WithDbAsync(db => db.TimeCells.AnyAsync(c => c.HoldId == offer.Id, ct)));
    }

    /// <summary>A hold nobody takes up, with nobody else waiting, gives the time back to everyone when it ends.</summary>
    [Fact]
    public async Task WhenAHoldEndsWithNobodyElseWaitingTheTimeIsFreeForEveryoneAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var (serviceId, clinicianId) = await DermatologyAsync("Contraception consultation", ct);
        var waiter = (await factory.CreatePatientsAsync("lapsed", 1, ct))[0];
        await JoinAsync(waiter, serviceId, ct);
        var start = new DateTime(2026, 12, 4, 19, 0, 0, DateTimeKind.Utc); // Friday 14:00 New York
        await FreeATimeAsync("lapsedfree", serviceId, clinicianId, start, ct);
        var someone = new Browser(factory.CreateBrowser());
        await someone.SignInAsync((await factory.CreatePatientsAsync("lapsedother", 1, ct))[0], ct);
        var list = $"/appointments/book/{serviceId}/times?from=2026-12-04&clinician={clinicianId}";
        Assert.DoesNotContain(Link(start), (await someone.GetPageAsync(list, ct)).DocumentElement.OuterHtml);

        factory.Time.Advance(TimeSpan.FromMinutes(16));
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WaitlistService>().RunOnceAsync(ct);

        Assert.Contains(Link(start), (await someone.GetPageAsync(list, ct)).DocumentElement.OuterHtml);
        var confirm = await someone.GetPageAsync($"/appointments/book/{serviceId}/confirm?clinician={clinicianId}&{Link(start)}", ct);
        using var booked = await someone.SubmitAsync(confirm, "/appointments/book", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
    }
}
