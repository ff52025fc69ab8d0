using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Admin;

public class WorkingHoursTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private async Task<(int StaffId, int ServiceId)> OrthopedicsAsync(CancellationToken ct) =>
        await factory.WithDbAsync(async db =>
        {
            var service = await db.ClinicServices.Where(s => s.Name == "Orthopedic consultation").Select(s => new { s.Id, s.DepartmentId }).SingleAsync(ct);
            var staff = await db.StaffMembers.Where(m => m.IsClinician && m.DepartmentId == service.DepartmentId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(ct);
            return (staff, service.Id);
        });

    private static List<KeyValuePair<string, string>> Week(params (int Row, string Start, string End)[] filled)
    {
        var values = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < 14; i++)
        {
            var match = filled.FirstOrDefault(f => f.Row == i);
            values.Add(new($"Hours[{i}].Start", match.Start ?? ""));
            values.Add(new($"Hours[{i}].End", match.End ?? ""));
        }
        return values;
    }

    [Fact]
    public async Task AdminChangesHoursAndBookingOffersOnlyTheNewHours()
    {
        var ct = TestContext.Current.CancellationToken;
        var (staffId, serviceId) = await OrthopedicsAsync(ct);
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);

        // Rows 0–1 are Monday, 2–3 Tuesday …: overlapping Tuesday rows are refused beside the row.
        using var bad = await admin.SubmitAsync($"/admin/staff/{staffId}/hours", $"/admin/staff/{staffId}/hours",
            Week((2, "09:00", "12:00"), (3, "11:00", "13:00")), ct);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = await Browser.ReadAsync(bad, ct);
        Assert.Equal("This overlaps another time on the same day.", page.FieldError("Hours[3]"));
        Assert.Equal("11:00", (page.QuerySelector("#h-3-start") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value);

        using var good = await admin.SubmitAsync($"/admin/staff/{staffId}/hours", $"/admin/staff/{staffId}/hours",
            Week((2, "14:00", "15:00")), ct); // Tuesdays 14:00–15:00 only
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);

        var patient = (await factory.CreatePatientsAsync("hours", 1, ct))[0];
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(patient, ct);
        var times = await browser.GetPageAsync($"/appointments/book/{serviceId}/times?clinician={staffId}", ct);
        var offered = times.QuerySelectorAll("a.slot").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["2:00 PM", "2:15 PM", "2:30 PM"], offered); // 30-minute visits inside one hour, 15-minute steps
        Assert.Contains("Tuesday, November 24", times.MainText());
    }

    /// <summary>
    /// A double click on "Save working hours": the form carries a one-time key, so the second copy waits for the first and
    /// lands on its result instead of racing it to the week's unique index (on PostgreSQL the loser's insert was refused
    /// and its error page was what the browser showed).
    /// </summary>
    [Fact]
    public async Task HoursSentTwiceAtOnceAreSavedOnceAndBothCopiesLandOnTheSavedPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var staffId = await factory.WithDbAsync(db => db.StaffMembers.Where(m => m.IsClinician).OrderByDescending(m => m.Id).Skip(1).Select(m => m.Id).FirstAsync(ct));
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var url = $"/admin/staff/{staffId}/hours";
        var form = await admin.GetPageAsync(url, ct);
        Assert.NotNull(form.QuerySelector("input[name='__FormKey']"));

        var week = Week((0, "08:00", "12:00"), (4, "09:00", "10:00"));
        var responses = await Task.WhenAll(admin.SubmitAsync(form, url, week, ct), admin.SubmitAsync(form, url, week, ct));
        try
        {
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            Assert.All(responses, r => Assert.Equal(url, r.Headers.Location!.OriginalString));
        }
        finally
        {
            foreach (var response in responses)
                response.Dispose();
        }
        var saved = await factory.WithDbAsync(db => db.WorkingHours.Where(w => w.StaffMemberId == staffId)
            .OrderBy(w => w.Day).Select(w => new { w.Day, w.Start, w.End }).ToListAsync(ct));
        Assert.Equal([new { Day = DayOfWeek.Monday, Start = new TimeOnly(8, 0), End = new TimeOnly(12, 0) },
            new { Day = DayOfWeek.Wednesday, Start = new TimeOnly(9, 0), End = new TimeOnly(10, 0) }], saved);
    }

    /// <summary>Twenty time fields for a usual week: the admin types Monday once and copies it to Tuesday–Friday, checks, then saves.</summary>
    [Fact]
    public async Task AdminTypesMondayCopiesItToTheOtherWeekdaysChecksAndSaves()
    {
        var ct = TestContext.Current.CancellationToken;
        var staffId = await factory.WithDbAsync(db => db.StaffMembers.Where(m => m.IsClinician).OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync(ct));
        var before = await factory.WithDbAsync(db => db.WorkingHours.CountAsync(w => w.StaffMemberId == staffId, ct));
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var url = $"/admin/staff/{staffId}/hours";
        var form = await admin.GetPageAsync(url, ct);
        Assert.NotNull(form.QuerySelector("button[name=Copy][value=weekdays]"));

        // Monday is rows 0–1, the weekend rows 10–13 (left as they were: here, Saturday morning).
        var week = Week((0, "08:30", "12:00"), (1, "13:00", "17:00"), (10, "09:00", "12:00"));
        week.Add(new("Copy", "weekdays"));
        using var copied = await admin.SubmitAsync(form, url, week, ct);
        Assert.Equal(HttpStatusCode.OK, copied.StatusCode);
        var page = await Browser.ReadAsync(copied, ct);
        Assert.Contains("Monday's times are copied to Tuesday to Friday. Check them, then save.", page.MainText());
        string Value(string id) => (page.QuerySelector("#" + id) as AngleSharp.Html.Dom.IHtmlInputElement)!.Value;
        for (var row = 0; row < 10; row += 2)
            Assert.Equal(("08:30", "12:00", "13:00", "17:00"), (Value($"h-{row}-start"), Value($"h-{row}-end"), Value($"h-{row + 1}-start"), Value($"h-{row + 1}-end")));
        Assert.Equal(("09:00", "12:00", ""), (Value("h-10-start"), Value("h-10-end"), Value("h-12-start")));
        Assert.Equal(before, await factory.WithDbAsync(db => db.WorkingHours.CountAsync(w => w.StaffMemberId == staffId, ct))); // not saved yet

        using var saved = await admin.SubmitAsync(page, url, [], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var hours = await factory.WithDbAsync(db => db.WorkingHours.Where(w => w.StaffMemberId == staffId).ToListAsync(ct));
        Assert.Equal(11, hours.Count);
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            Assert.Equal([(new TimeOnly(8, 30), new TimeOnly(12, 0)), (new TimeOnly(13, 0), new TimeOnly(17, 0))],
                hours.Where(h => h.Day == day).OrderBy(h => h.Start).Select(h => (h.Start, h.End)));
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(12, 0)), hours.Where(h => h.Day == DayOfWeek.Saturday).Select(h => (h.Start, h.End)).Single());
    }

    [Fact]
    public async Task ClinicHolidayClosesTheDayForEveryone()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, serviceId) = await OrthopedicsAsync(ct);
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);

        using var missing = await admin.SubmitAsync("/admin/holidays", "/admin/holidays", [new("from", "2026-11-26"), new("to", "2026-11-26"), new("reason", "")], ct);
        Assert.Contains("Say briefly why", (await Browser.ReadAsync(missing, ct)).FieldError("Reason"));
        using var saved = await admin.SubmitAsync("/admin/holidays", "/admin/holidays", [new("from", "2026-11-26"), new("to", "2026-11-27"), new("reason", "Thanksgiving")], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var patient = (await factory.CreatePatientsAsync("holiday", 1, ct))[0];
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(patient, ct);
        var times = await browser.GetPageAsync($"/appointments/book/{serviceId}/times?clinician=0", ct);
        var days = times.QuerySelectorAll("main section h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.DoesNotContain("Thursday, November 26", days);
        Assert.DoesNotContain("Friday, November 27", days);
        Assert.Contains("Wednesday, November 25", days);
    }
}
