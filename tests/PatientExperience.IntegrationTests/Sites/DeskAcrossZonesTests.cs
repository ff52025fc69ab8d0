using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Staff;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// The group's front desk (the group's zone is New York's) books a caller at the Chicago site on the two Sundays both
/// sites change their clocks in 2027: the caller screen, the check page and the read-back give Chicago's wall-clock
/// time named Central Time, the visit is stored at the right instant, and the email and its .ics say the same.
/// </summary>
public class DeskAcrossZonesTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    /// <summary>One test, spring then autumn: the fake clock only goes forward.</summary>
    [Fact]
    public async Task OnBothChangeSundaysTheDeskBooksChicagosEightOClockAtTheRightInstant()
    {
        // Spring: 8:00 on 14 March is daylight time (UTC−5), 13:00 UTC.
        await BookSundayAsync("deskspring", SitesFactory.Friday9amChicago, "2027-03-14", "Sunday, March 14",
            new DateTime(2027, 3, 14, 13, 0, 0, DateTimeKind.Utc), "20270314T080000");
        // Autumn: from Friday 5 November, 9:00 in Chicago (still daylight time); on Sunday 8:00 is standard time (UTC−6), 14:00 UTC.
        await BookSundayAsync("deskfall", new DateTimeOffset(2027, 11, 5, 14, 0, 0, TimeSpan.Zero), "2027-11-07", "Sunday, November 7",
            new DateTime(2027, 11, 7, 14, 0, 0, DateTimeKind.Utc), "20271107T080000");
    }

    private async Task BookSundayAsync(string prefix, DateTimeOffset now, string sunday, string sundayText, DateTime expectedUtc, string icsLocal)
    {
        var ct = TestContext.Current.CancellationToken;
        factory.AtLeast(now);
        var dana = await SundayMorningsAsync(ct);
        var email = (await factory.CreatePatientsAsync(prefix, 1, ct))[0];
        var patientId = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct));
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);

        // The caller wants Chicago: its services are under its name.
        var screen = await desk.GetPageAsync($"/frontdesk/patients/{patientId}", ct);
        var chicago = screen.QuerySelectorAll("#serviceId optgroup").Single(g => g.GetAttribute("label") == "Chicago Loop Clinic");
        var serviceId = chicago.QuerySelectorAll("option").Single(o => o.TextContent.Contains("Follow-up appointment", StringComparison.Ordinal)).GetAttribute("value");
        Assert.Contains(screen.QuerySelectorAll("#serviceId optgroup"), g => g.GetAttribute("label") == "Riverside Health Clinic");

        // Sunday's first time is Chicago's 8:00, said as 8:00 AM Central Time (New York's desk clock says 9:00).
        var times = await desk.GetPageAsync($"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician={dana}&from={sunday}", ct);
        Assert.Contains("Times are in Central Time.", times.MainText());
        var first = DeskTimes.On(times, patientId)[0];
        Assert.StartsWith("8:00 AM", first.QuerySelector("button")!.TextContent.Trim());
        Assert.Equal(PatientExperience.Web.ViewModels.SlotLinks.Format(expectedUtc), DeskTimes.Values(first).Single(v => v.Key == "start").Value);

        var check = await DeskTimes.OpenCheckAsync(desk, first, ct);
        Assert.Contains($"{sundayText}, {expectedUtc.Year}, 8:00 AM (Central Time)", check.QuerySelector(".booking-check")!.TextContent);
        using var booked = await DeskTimes.ConfirmAsync(desk, check, ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var readBack = (await desk.GetPageAsync(booked.Headers.Location!.OriginalString, ct)).QuerySelector(".readback")!.TextContent;
        Assert.Contains($"with Dana Whitfield on {sundayText}, 8:00 AM (Central Time).", readBack);
        Assert.Contains("That is at Chicago Loop Clinic, 200 West Adams Street, Chicago, IL 60606.", readBack);

        var appointment = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PatientId == patientId, ct));
        Assert.Equal(expectedUtc, appointment.StartUtc);
        // The caller screen lists it the same way, with the site.
        var after = await desk.GetPageAsync($"/frontdesk/patients/{patientId}", ct);
        Assert.Contains($"{sundayText}, {expectedUtc.Year}, 8:00 AM (Central Time) – Follow-up appointment, Dana Whitfield · Chicago Loop Clinic", after.MainText());

        var mail = Assert.Single(await factory.MessagesToAsync(email, ct));
        Assert.Contains($"{sundayText}, {expectedUtc.Year}, 8:00 AM (Central Time)", mail.Subject);
        Assert.Contains("Where: Chicago Loop Clinic, Family Medicine, 200 West Adams Street, Chicago, IL 60606", mail.TextBody);
        Assert.Contains("call us on (555) 010-0200", mail.TextBody);
        var ics = Encoding.UTF8.GetString(mail.AttachmentContent!).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains($"\r\nDTSTART;TZID=America/Chicago:{icsLocal}\r\n", ics);
        var evt = Assert.Single((Ical.Net.Calendar.Load(ics) ?? throw new InvalidOperationException("Not a calendar.")).Events);
        Assert.Equal(expectedUtc, evt.DtStart!.AsUtc);
    }

    /// <summary>Dana Whitfield (Chicago) also works Sunday mornings, 8:00–12:00 Chicago time. Returns her id.</summary>
    private Task<int> SundayMorningsAsync(CancellationToken ct) => factory.WithDbAsync(async db =>
    {
        var dana = await db.StaffMembers.Where(s => s.LastName == "Whitfield").Select(s => s.Id).SingleAsync(ct);
        if (!await db.WorkingHours.AnyAsync(w => w.StaffMemberId == dana && w.Day == DayOfWeek.Sunday, ct))
        {
            db.WorkingHours.Add(new WorkingHours(dana, DayOfWeek.Sunday, new TimeOnly(8, 0), new TimeOnly(12, 0)));
            await db.SaveChangesAsync(ct);
        }
        return dana;
    });
}
