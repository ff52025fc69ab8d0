using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Appointments;

/// <summary>
/// Slot searches keep the clinic's set-up (hours, days off, clinicians, services) in memory on each instance. An edit
/// must still show in the very next search, on the instance that made it and on every other one over the same database.
/// </summary>
public class SlotSetupCacheTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    /// <summary>The first clinician of the service's department (each test its own service, so their edits do not meet).</summary>
    private static async Task<(int StaffId, int ServiceId)> ClinicianAsync(PortalFactory portal, string serviceName, CancellationToken ct) =>
        await portal.WithDbAsync(async db =>
        {
            var service = await db.ClinicServices.Where(s => s.Name == serviceName).Select(s => new { s.Id, s.DepartmentId }).SingleAsync(ct);
            var staff = await db.StaffMembers.Where(m => m.IsClinician && m.DepartmentId == service.DepartmentId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(ct);
            return (staff, service.Id);
        });

    private static List<string> Days(IHtmlDocument times) => [.. times.QuerySelectorAll("main section h2").Select(h => h.TextContent.Trim())];

    private static List<string> Times(IHtmlDocument times) => [.. times.QuerySelectorAll("a.slot").Select(a => a.TextContent.Trim())];

    private static async Task<Browser> PatientAsync(BookingFactory portal, string prefix, CancellationToken ct)
    {
        var patient = (await portal.CreatePatientsAsync(prefix, 1, ct))[0];
        var browser = new Browser(portal.CreateBrowser());
        await browser.SignInAsync(patient, ct);
        return browser;
    }

    private static async Task<Browser> AdminAsync(BookingFactory portal, CancellationToken ct)
    {
        var admin = new Browser(portal.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        return admin;
    }

    [Fact]
    public async Task ADayOffEnteredAfterASearchHidesThatDayAtOnceAndRemovingItBringsItBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var (staffId, serviceId) = await ClinicianAsync(factory, "Blood pressure review", ct);
        var patient = await PatientAsync(factory, "dayoff", ct);
        var url = $"/appointments/book/{serviceId}/times?clinician={staffId}";
        var before = Days(await patient.GetPageAsync(url, ct));
        Assert.True(before.Count >= 2, "The clinician should have free times on at least two days.");
        var day = before[1];
        var date = DateOnly.ParseExact($"{day}, 2026", "dddd, MMMM d, yyyy", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var admin = await AdminAsync(factory, ct);
        using var saved = await admin.SubmitAsync($"/admin/staff/{staffId}/timeoff", $"/admin/staff/{staffId}/timeoff",
            [new("from", date), new("to", date), new("reason", "Training day")], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = Days(await patient.GetPageAsync(url, ct));
        Assert.DoesNotContain(day, after);
        Assert.Contains(before[0], after);

        // Removed again (a bulk delete, not a tracked change): the day is offered again at once.
        var list = await admin.GetPageAsync($"/admin/staff/{staffId}/timeoff", ct);
        var remove = list.QuerySelectorAll("form").Select(f => f.GetAttribute("action") ?? "").Single(a => a.StartsWith("/admin/timeoff/", StringComparison.Ordinal));
        using var removed = await admin.SubmitAsync(list, remove, [], ct);
        Assert.True((int)removed.StatusCode is >= 300 and < 400, $"Removing answered {(int)removed.StatusCode}");
        Assert.Equal(before, Days(await patient.GetPageAsync(url, ct)));
    }

    [Fact]
    public async Task EditsOnOneInstanceShowInTheNextSearchOnAnother()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var other = factory.SecondInstance();
        var (staffId, serviceId) = await ClinicianAsync(factory, "Orthopedic consultation", ct);
        var url = $"/appointments/book/{serviceId}/times?clinician={staffId}";
        var onOther = await PatientAsync(other, "other", ct);
        var onFirst = await PatientAsync(factory, "first", ct);
        var days = Days(await onOther.GetPageAsync(url, ct));
        Assert.Contains("Tuesday, November 24", days);
        Assert.NotEqual(["2:00 PM", "2:15 PM", "2:30 PM"], Times(await onFirst.GetPageAsync(url, ct)));

        // Hours changed on the first instance: the second, which has searched already, offers only the new ones.
        var admin = await AdminAsync(factory, ct);
        var week = new List<KeyValuePair<string, string>>();
        for (var row = 0; row < 14; row++)
        {
            week.Add(new($"Hours[{row}].Start", row == 2 ? "14:00" : ""));
            week.Add(new($"Hours[{row}].End", row == 2 ? "15:00" : ""));
        }
        using var hours = await admin.SubmitAsync($"/admin/staff/{staffId}/hours", $"/admin/staff/{staffId}/hours", week, ct);
        Assert.Equal(HttpStatusCode.Redirect, hours.StatusCode);
        var changed = await onOther.GetPageAsync(url, ct);
        Assert.Equal(["2:00 PM", "2:15 PM", "2:30 PM"], Times(changed)); // Tuesdays 14:00–15:00, 30-minute visits
        Assert.Equal(["Tuesday, November 24"], Days(changed));

        // A clinic holiday entered on the second instance closes the day on the first.
        var otherAdmin = await AdminAsync(other, ct);
        using var holiday = await otherAdmin.SubmitAsync("/admin/holidays", "/admin/holidays",
            [new("from", "2026-11-24"), new("to", "2026-11-24"), new("reason", "Staff training")], ct);
        Assert.Equal(HttpStatusCode.Redirect, holiday.StatusCode);
        var closed = await onFirst.GetPageAsync(url, ct);
        Assert.Empty(Days(closed)); // the week's only working day is closed
        Assert.Empty(Times(closed));
    }
}
