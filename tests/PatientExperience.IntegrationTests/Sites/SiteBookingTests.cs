using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Staff;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// A patient of a group whose default zone is New York chooses the Chicago site, books there on the Sunday the clocks
/// move forward, and reads Chicago's times (labelled Central Time), address and phone on the pages, in the email and in
/// the calendar file (TZID America/Chicago, the right UTC instant). The site is remembered for the next booking.
/// </summary>
public class SiteBookingTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    [Fact]
    public async Task APatientChoosesTheChicagoSiteAndReadsChicagoTimesAddressAndPhoneEverywhere()
    {
        var ct = TestContext.Current.CancellationToken;
        // Dana Whitfield (Chicago) also works Sunday mornings: 14 March 2027, when 2:00 becomes 3:00 in Chicago and New York.
        await factory.WithDbAsync(async db =>
        {
            var dana = await db.StaffMembers.Where(s => s.LastName == "Whitfield").Select(s => s.Id).SingleAsync(ct);
            db.WorkingHours.Add(new WorkingHours(dana, DayOfWeek.Sunday, new TimeOnly(8, 0), new TimeOnly(12, 0)));
            return await db.SaveChangesAsync(ct);
        });
        var email = (await factory.CreatePatientsAsync("chicago", 1, ct))[0];
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);

        // Where first: both sites, Chicago's zone named because it is not the group's.
        var where = await patient.GetPageAsync("/appointments/book", ct);
        Assert.Equal("Where would you like to go?", where.QuerySelector("h1")!.TextContent);
        var chicagoChoice = where.QuerySelectorAll("a.choice").Single(a => a.TextContent.Contains("Chicago Loop Clinic", StringComparison.Ordinal));
        Assert.Contains("200 West Adams Street, Chicago, IL 60606", chicagoChoice.TextContent);
        Assert.Contains("Times there are in Central Time.", chicagoChoice.TextContent);
        Assert.DoesNotContain("Times there are", where.QuerySelectorAll("a.choice").Single(a => a.TextContent.Contains("Riverside", StringComparison.Ordinal)).TextContent);

        // Only Chicago's services; "anyone" is anyone there.
        var services = await patient.GetPageAsync(chicagoChoice.GetAttribute("href")!, ct);
        Assert.Contains("At Chicago Loop Clinic", services.MainText());
        Assert.DoesNotContain("Cardiology", services.MainText());
        var clinicians = await patient.GetPageAsync(Choice(services, "New patient consultation"), ct);
        // Chicago's own two and, in name order among them, the first site's physician who visits on Saturday mornings (the demo's).
        var visitor = await factory.WithDbAsync(db => db.WorkingHours.Where(w => w.DepartmentId != null)
            .Join(db.StaffMembers, w => w.StaffMemberId, s => s.Id, (w, s) => new { s.LastName, s.FirstName, s.JobTitle }).SingleAsync(ct));
        Assert.Equal(["Anyone – the earliest time", .. new[] { ("Romero", "Luis Romero · Nurse practitioner"), ("Whitfield", "Dana Whitfield · Family physician"),
                (visitor.LastName, $"{visitor.FirstName} {visitor.LastName} · {visitor.JobTitle}") }.OrderBy(c => c.Item1, StringComparer.Ordinal).Select(c => c.Item2)],
            clinicians.QuerySelectorAll("a.choice").Select(a => string.Join(' ', a.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList());
        var anyone = clinicians.QuerySelectorAll("a.choice")[0].GetAttribute("href")!;

        // Sunday's page: Chicago's 8:00 is offered as 8:00 AM, not New York's 9:00.
        var sunday = await patient.GetPageAsync(anyone + "&from=2027-03-14", ct);
        Assert.Contains("Times are in Central Time.", sunday.MainText());
        var slot = sunday.QuerySelectorAll("a.slot").First(a => a.TextContent.Trim() == "9:00 AM");
        Assert.Equal("8:00 AM", sunday.QuerySelectorAll("a.slot")[0].TextContent.Trim());
        var confirm = await patient.GetPageAsync(slot.GetAttribute("href")!, ct);
        Assert.Contains("Sunday, March 14, 2027, 9:00 AM (Central Time)", confirm.MainText());
        Assert.Contains("200 West Adams Street", confirm.MainText());

        using var booked = await patient.SubmitAsync(confirm, confirm.QuerySelector("main form")!.GetAttribute("action")!, [], ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var bookedPage = await patient.GetPageAsync(booked.Headers.Location!.OriginalString, ct);
        Assert.Contains("Sunday, March 14, 2027, 9:00 AM (Central Time)", bookedPage.MainText());
        var place = bookedPage.QuerySelector(".visit-place")!.TextContent;
        foreach (var said in new[] { "Chicago Loop Clinic", "200 West Adams Street", "Chicago, IL 60606", "(555) 010-0200", "West Adams Street, on the ground floor" })
            Assert.Contains(said, place);

        // 9:00 in Chicago on the morning daylight time starts is 14:00 UTC (CDT, UTC−5), not 15:00 (CST) nor 13:00 (New York).
        var appointment = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Patient!.Email == email, ct));
        Assert.Equal(new DateTime(2027, 3, 14, 14, 0, 0, DateTimeKind.Utc), appointment.StartUtc);
        // "Anyone" stayed at the site: only Chicago's Dana Whitfield works that Sunday.
        Assert.Equal("Whitfield", await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.Id == appointment.ClinicianId).Select(s => s.LastName).SingleAsync(ct)));

        var mail = Assert.Single(await factory.MessagesToAsync(email, ct));
        Assert.Contains("Sunday, March 14, 2027, 9:00 AM (Central Time)", mail.Subject);
        Assert.Contains("Where: Chicago Loop Clinic, Family Medicine, 200 West Adams Street, Chicago, IL 60606", mail.TextBody);
        Assert.Contains("call us on (555) 010-0200", mail.TextBody);
        var ics = Encoding.UTF8.GetString(mail.AttachmentContent!);
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART;TZID=America/Chicago:20270314T090000\r\n", unfolded);
        Assert.Contains("\r\nTZID:America/Chicago\r\n", unfolded);
        Assert.Contains("LOCATION:Chicago Loop Clinic\\, Family Medicine\\, 200 West Adams Street\\, Chicago\\, IL 60606", unfolded);
        var evt = Assert.Single((Ical.Net.Calendar.Load(ics) ?? throw new InvalidOperationException("Not a calendar.")).Events);
        Assert.Equal(appointment.StartUtc, evt.DtStart!.AsUtc);
        Assert.Equal(appointment.EndUtc, evt.DtEnd!.AsUtc);

        // The download says the same; the next booking starts at Chicago, with a way to change it.
        using var download = await patient.Client.GetAsync($"/appointments/{appointment.Id}/calendar", ct);
        var downloaded = Assert.Single((Ical.Net.Calendar.Load(await download.Content.ReadAsStringAsync(ct)) ?? throw new InvalidOperationException()).Events);
        Assert.Equal(appointment.StartUtc, downloaded.DtStart!.AsUtc);
        var again = await patient.GetPageAsync("/appointments/book", ct);
        Assert.Contains("At Chicago Loop Clinic", again.MainText());
        Assert.NotNull(again.QuerySelector("a[href='/appointments/book/where']"));
    }

    [Fact]
    public async Task AFridayVisitInChicagoBeforeTheChangeIsSixHoursFromUtcInItsCalendarFile()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("chicagofri", 1, ct))[0];
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);
        var services = await patient.GetPageAsync("/appointments/book?site=" + await factory.WithDbAsync(db => db.Sites.Where(s => s.Name == "Chicago Loop Clinic").Select(s => s.Id).SingleAsync(ct)), ct);
        var clinicians = await patient.GetPageAsync(Choice(services, "Follow-up appointment"), ct);
        var friday = await patient.GetPageAsync(clinicians.QuerySelectorAll("a.choice")[0].GetAttribute("href")! + "&from=2027-03-12", ct);
        // Now is 9:00 in Chicago with two hours' notice: the first time is 11:00 Chicago time (noon in New York).
        var first = friday.QuerySelectorAll("a.slot")[0];
        Assert.Equal("11:00 AM", first.TextContent.Trim());
        var confirm = await patient.GetPageAsync(first.GetAttribute("href")!, ct);
        using var booked = await patient.SubmitAsync(confirm, confirm.QuerySelector("main form")!.GetAttribute("action")!, [], ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var appointment = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Patient!.Email == email, ct));
        Assert.Equal(new DateTime(2027, 3, 12, 17, 0, 0, DateTimeKind.Utc), appointment.StartUtc);
        var ics = Encoding.UTF8.GetString(Assert.Single(await factory.MessagesToAsync(email, ct)).AttachmentContent!);
        Assert.Contains("\r\nDTSTART;TZID=America/Chicago:20270312T110000\r\n", ics);
        Assert.Equal(appointment.StartUtc, Assert.Single(Ical.Net.Calendar.Load(ics)!.Events).DtStart!.AsUtc);
    }

    private static string Choice(IHtmlDocument page, string text) =>
        page.QuerySelectorAll("a.choice").First(a => a.TextContent.Contains(text, StringComparison.Ordinal)).GetAttribute("href")!;
}
