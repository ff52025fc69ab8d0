using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Appointments;

/// <summary>Fifty patients press "Book" for the same time at once, over real HTTP, on a real database.</summary>
public class DoubleBookingTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private const int Racers = 50;

    private async Task<(HttpStatusCode Status, string Text)[]> RaceAsync(string prefix, string confirmUrl, CancellationToken ct)
    {
        var emails = await factory.CreatePatientsAsync(prefix, Racers, ct);
        var ready = new List<(Browser Browser, AngleSharp.Html.Dom.IHtmlDocument Page)>();
        foreach (var email in emails)
        {
            var browser = new Browser(factory.CreateBrowser());
            await browser.SignInAsync(email, ct);
            ready.Add((browser, await browser.GetPageAsync(confirmUrl, ct)));
        }

        using var start = new SemaphoreSlim(0);
        var racing = ready.Select(async r =>
        {
            await start.WaitAsync(ct);
            using var response = await r.Browser.SubmitAsync(r.Page, "/appointments/book", [], ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }).ToList();
        start.Release(Racers);
        return await Task.WhenAll(racing);
    }

    [Fact]
    public async Task FiftyRequestsForOneClinicianAndTimeMakeExactlyOneAppointment()
    {
        var ct = TestContext.Current.CancellationToken;
        var ecg = await factory.WithDbAsync(db => db.ClinicServices.Where(s => s.Name == "ECG")
            .Select(s => new { s.Id, Clinician = db.StaffMembers.Where(m => m.DepartmentId == s.DepartmentId && m.IsClinician).OrderBy(m => m.Id).Select(m => m.Id).First() })
            .FirstAsync(ct));
        var (serviceId, clinicianId) = (ecg.Id, ecg.Clinician);
        var startUtc = new DateTime(2026, 11, 25, 16, 0, 0, DateTimeKind.Utc); // Wednesday 11:00 in New York

        var results = await RaceAsync("racer", $"/appointments/book/{serviceId}/confirm?clinician={clinicianId}&start=2026-11-25T16:00:00Z", ct);

        Assert.Equal(1, results.Count(r => r.Status == HttpStatusCode.Redirect));
        Assert.Equal(Racers - 1, results.Count(r => r.Status == HttpStatusCode.Conflict));
        Assert.All(results.Where(r => r.Status == HttpStatusCode.Conflict), r => Assert.Contains("that time was just taken", r.Text));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Appointments.CountAsync(
            a => a.ClinicianId == clinicianId && a.StartUtc == startUtc && a.Status != AppointmentStatus.Cancelled, ct)));
    }

    [Fact]
    public async Task FiftyRequestsForAnyClinicianFillEachFreeClinicianOnceAndNoMore()
    {
        var ct = TestContext.Current.CancellationToken;
        var serviceId = await factory.WithDbAsync(db => db.ClinicServices.Where(s => s.Name == "Skin check").Select(s => s.Id).FirstAsync(ct));
        var startUtc = new DateTime(2026, 11, 26, 15, 30, 0, DateTimeKind.Utc); // Thursday 10:30 in New York
        // How many dermatology clinicians are free then, as the portal itself offers it.
        var free = await factory.WithDbAsync(async db =>
        {
            var clinicians = await db.StaffMembers.Where(m => m.IsClinician && m.Department!.Name == "Dermatology").Select(m => m.Id).ToListAsync(ct);
            return clinicians.Count;
        });

        var results = await RaceAsync("anyracer", $"/appointments/book/{serviceId}/confirm?clinician=0&start=2026-11-26T15:30:00Z", ct);

        var booked = await factory.WithDbAsync(db => db.Appointments.Where(a => a.ServiceId == serviceId && a.StartUtc == startUtc && a.Status != AppointmentStatus.Cancelled)
            .Select(a => a.ClinicianId).ToListAsync(ct));
        Assert.InRange(booked.Count, 1, free);
        Assert.Equal(booked.Count, booked.Distinct().Count()); // never two patients with one clinician
        Assert.Equal(booked.Count, results.Count(r => r.Status == HttpStatusCode.Redirect));
        Assert.All(results.Where(r => r.Status != HttpStatusCode.Redirect), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.Status);
            Assert.Contains("that time was just taken", r.Text);
        });
    }
}
