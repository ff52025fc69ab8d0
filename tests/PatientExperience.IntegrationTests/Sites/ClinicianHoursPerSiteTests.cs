using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// A clinician of the group's New York site works a weekday in Chicago: the admin says where on the clinician's hours
/// form ("Where"), patients at Chicago see them on that day only, in Chicago time, and book; New York no longer offers
/// that day. Hours overlapping on a day are refused even at two places, an unknown place gets its message, and a time
/// booked at one site is not offered at the other (the clinician's time is one, wherever they work).
/// </summary>
public class ClinicianHoursPerSiteTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    private const string Chicago = "Chicago Loop Clinic";

    [Fact]
    public async Task ATuesdayInChicagoIsOfferedAtChicagoOnThatDayOnlyInChicagoTimeAndBooked()
    {
        var ct = TestContext.Current.CancellationToken;
        var (clinician, name) = await FirstClinicianOfAsync("Family Medicine", ct);
        var chicagoFamily = await ChicagoFamilyMedicineAsync(ct);
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);

        // The form offers "Where" per row: their own department (named by its site), or another department with its site.
        var form = await admin.GetPageAsync($"/admin/staff/{clinician}/hours", ct);
        var where = (IHtmlSelectElement)form.QuerySelector("select[name='Hours[2].DepartmentId']")!;
        var newYork = await factory.WithDbAsync(db => db.Sites.OrderBy(s => s.Id).Select(s => s.Name).FirstAsync(ct));
        Assert.Equal($"Own department ({newYork})", where.Options[0].Text);
        Assert.Contains(where.Options, o => o.Text == $"Family Medicine — {Chicago}" && o.Value == $"{chicagoFamily}");
        Assert.DoesNotContain(where.Options, o => o.Text == $"Family Medicine — {newYork}");

        // Tuesday: 9:00–12:00 in Chicago, no New York hours that day.
        using var saved = await admin.SubmitAsync(form, $"/admin/staff/{clinician}/hours", [new("Hours[2].Start", "09:00"), new("Hours[2].End", "12:00"),
            new("Hours[2].DepartmentId", $"{chicagoFamily}"), new("Hours[3].Start", ""), new("Hours[3].End", "")], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var again = await admin.GetPageAsync($"/admin/staff/{clinician}/hours", ct);
        Assert.Equal($"{chicagoFamily}", ((IHtmlSelectElement)again.QuerySelector("select[name='Hours[2].DepartmentId']")!).Value);
        Assert.Equal("", ((IHtmlSelectElement)again.QuerySelector("select[name='Hours[0].DepartmentId']")!).Value);

        var email = (await factory.CreatePatientsAsync("visiting", 1, ct))[0];
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);
        var sites = await patient.GetPageAsync("/appointments/book", ct);
        var services = await patient.GetPageAsync(SiteChoice(sites, Chicago), ct);
        var clinicians = await patient.GetPageAsync(Choice(services, "New patient consultation"), ct);
        var them = clinicians.QuerySelectorAll("a.choice").Single(a => a.TextContent.Contains(name, StringComparison.Ordinal));

        // The week from Monday 15 March at Chicago: Tuesday only, from 9:00 Chicago time (10:00 in New York).
        var week = await patient.GetPageAsync(them.GetAttribute("href")! + "&from=2027-03-15", ct);
        Assert.Contains("Times are in Central Time.", week.MainText());
        Assert.StartsWith("Tuesday, March 16", Assert.Single(DaysWithTimes(week)), StringComparison.Ordinal);
        var tuesday = Times(week, "Tuesday, March 16");
        Assert.Equal("9:00 AM", tuesday[0]);
        Assert.Equal("11:30 AM", tuesday[^1]);

        var ten = week.QuerySelectorAll("section a.slot").First(a => a.TextContent.Trim() == "10:00 AM");
        var confirm = await patient.GetPageAsync(ten.GetAttribute("href")!, ct);
        Assert.Contains("Tuesday, March 16, 2027, 10:00 AM (Central Time)", confirm.MainText());
        using var booked = await patient.SubmitAsync(confirm, confirm.QuerySelector("main form")!.GetAttribute("action")!, [], ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var bookedPage = await patient.GetPageAsync(booked.Headers.Location!.OriginalString, ct);
        Assert.Contains("200 West Adams Street", bookedPage.QuerySelector(".visit-place")!.TextContent);

        // 10:00 in Chicago after the change to daylight time is 15:00 UTC, with this clinician.
        var appointment = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Patient!.Email == email, ct));
        Assert.Equal(new DateTime(2027, 3, 16, 15, 0, 0, DateTimeKind.Utc), appointment.StartUtc);
        Assert.Equal(clinician, appointment.ClinicianId);
        var mail = Assert.Single(await factory.MessagesToAsync(email, ct));
        Assert.Contains("Where: Chicago Loop Clinic, Family Medicine, 200 West Adams Street, Chicago, IL 60606", mail.TextBody);
        Assert.Contains(name, mail.TextBody);
        var ics = Encoding.UTF8.GetString(mail.AttachmentContent!).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART;TZID=America/Chicago:20270316T100000\r\n", ics);
        Assert.Contains("LOCATION:Chicago Loop Clinic\\, Family Medicine\\, 200 West Adams Street", ics);

        // New York's side: the clinician's own service offers Monday and not that Tuesday.
        var home = await patient.GetPageAsync(SiteChoice(await patient.GetPageAsync("/appointments/book/where", ct), newYork), ct);
        var homeClinicians = await patient.GetPageAsync(Choice(home, "New patient consultation"), ct);
        var homeWeek = await patient.GetPageAsync(homeClinicians.QuerySelectorAll("a.choice")
            .Single(a => a.TextContent.Contains(name, StringComparison.Ordinal)).GetAttribute("href")! + "&from=2027-03-15", ct);
        var homeDays = DaysWithTimes(homeWeek);
        Assert.Contains(homeDays, d => d.StartsWith("Monday, March 15", StringComparison.Ordinal));
        Assert.DoesNotContain(homeDays, d => d.StartsWith("Tuesday", StringComparison.Ordinal));

        // That Tuesday at 8:00 in Chicago, the clinician's own day is Chicago's (the visit at 10:00 AM, Chicago time),
        // and their hours say where each is worked.
        factory.AtLeast(new DateTimeOffset(2027, 3, 16, 13, 0, 0, TimeSpan.Zero));
        var (staffEmail, patientName) = await factory.WithDbAsync(async db => (
            await db.StaffMembers.Where(s => s.Id == clinician).Select(s => s.Email).SingleAsync(ct),
            await db.Patients.Where(p => p.Email == email).Select(p => p.FirstName + " " + p.LastName).SingleAsync(ct)));
        var me = new Browser(factory.CreateBrowser());
        await me.SignInAsync(staffEmail, ct);
        var myDay = await me.GetPageAsync("/clinician", ct);
        var today = myDay.QuerySelector("section[aria-labelledby=today-h]")!.TextContent;
        Assert.Contains(patientName, today);
        Assert.Contains("10:00 AM", today);
        var myHours = myDay.QuerySelector("section[aria-labelledby=hours-h]")!;
        var tuesdayRow = myHours.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Tuesday", StringComparison.Ordinal)).TextContent;
        Assert.Contains($"Family Medicine — {Chicago}", tuesdayRow);
        Assert.Contains("9:00 AM", tuesdayRow);
        Assert.Contains(newYork, myHours.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("Monday", StringComparison.Ordinal)).TextContent);
    }

    [Fact]
    public async Task HoursOverlappingOnADayAreRefusedEvenAtTwoPlacesAndAnUnknownPlaceGetsItsMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        var (clinician, _) = await FirstClinicianOfAsync("Orthopedics", ct);
        var chicagoFamily = await ChicagoFamilyMedicineAsync(ct);
        var before = await HoursCountAsync(clinician, ct);
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var form = await admin.GetPageAsync($"/admin/staff/{clinician}/hours", ct);

        // Thursday 8:00–12:30 at home and 12:00–14:00 in Chicago: a person is in one place at a time.
        using var overlap = await admin.SubmitAsync(form, $"/admin/staff/{clinician}/hours", [new("Hours[6].Start", "08:00"), new("Hours[6].End", "12:30"),
            new("Hours[6].DepartmentId", ""), new("Hours[7].Start", "12:00"), new("Hours[7].End", "14:00"), new("Hours[7].DepartmentId", $"{chicagoFamily}")], ct);
        Assert.Equal(HttpStatusCode.OK, overlap.StatusCode);
        var page = await Browser.ReadAsync(overlap, ct);
        Assert.Equal("This overlaps another time on the same day at another place: a person can be in one place at a time.", page.FieldError("Hours[7]"));
        Assert.Equal($"{chicagoFamily}", ((IHtmlSelectElement)page.QuerySelector("select[name='Hours[7].DepartmentId']")!).Value);

        // A department that does not exist, and one that is not a number: "Choose a place from the list.", never a 5xx.
        foreach (var hostile in new[] { "999999", "abc", "-1", "99999999999999999999" })
        {
            using var unknown = await admin.SubmitAsync(form, $"/admin/staff/{clinician}/hours", [new("Hours[7].Start", "14:00"), new("Hours[7].End", "16:00"),
                new("Hours[7].DepartmentId", hostile)], ct);
            Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
            Assert.Equal("Choose a place from the list.", (await Browser.ReadAsync(unknown, ct)).FieldError("Hours[7]"));
        }
        Assert.Equal(before, await HoursCountAsync(clinician, ct));
    }

    [Fact]
    public async Task ATimeBookedAtOneSiteIsNotOfferedAtTheOther()
    {
        var ct = TestContext.Current.CancellationToken;
        var (clinician, name) = await FirstClinicianOfAsync("Dermatology", ct);
        var chicagoFamily = await ChicagoFamilyMedicineAsync(ct);
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);

        // Wednesday: 8:00–10:00 in Chicago (9:00–11:00 in New York) and 10:00–12:00 at home in New York; the other days off.
        var form = await admin.GetPageAsync($"/admin/staff/{clinician}/hours", ct);
        var week = Enumerable.Range(0, 14).Where(i => i is not (4 or 5)).SelectMany(i => new KeyValuePair<string, string>[] { new($"Hours[{i}].Start", ""), new($"Hours[{i}].End", "") });
        using var saved = await admin.SubmitAsync(form, $"/admin/staff/{clinician}/hours", [.. week, new("Hours[4].Start", "08:00"), new("Hours[4].End", "10:00"),
            new("Hours[4].DepartmentId", $"{chicagoFamily}"), new("Hours[5].Start", "10:00"), new("Hours[5].End", "12:00")], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var chicagoService = await factory.WithDbAsync(db => db.ClinicServices.Where(s => s.DepartmentId == chicagoFamily && s.Name == "New patient consultation").Select(s => s.Id).SingleAsync(ct));
        var chicagoTimes = $"/appointments/book/{chicagoService}/times?clinician={clinician}&from=2027-03-17";
        var email = (await factory.CreatePatientsAsync("twosites", 1, ct))[0];
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);
        var before = Times(await patient.GetPageAsync(chicagoTimes, ct), "Wednesday, March 17");
        Assert.Equal("8:00 AM", before[0]);
        Assert.Contains("9:00 AM", before);
        Assert.Equal("9:30 AM", before[^1]);

        // Booked at home at 10:00 New York time: that is 9:00 in Chicago.
        var homeService = await factory.WithDbAsync(db => db.ClinicServices.Where(s => s.Name == "Dermatology consultation").Select(s => s.Id).SingleAsync(ct));
        var homeWeek = await patient.GetPageAsync($"/appointments/book/{homeService}/times?clinician={clinician}&from=2027-03-17", ct);
        Assert.Contains(name, homeWeek.MainText());
        var tenAtHome = homeWeek.QuerySelectorAll("section").First(s => s.QuerySelector("h2")!.TextContent.StartsWith("Wednesday, March 17", StringComparison.Ordinal))
            .QuerySelectorAll("a.slot").Single(a => a.TextContent.Trim() == "10:00 AM");
        var confirm = await patient.GetPageAsync(tenAtHome.GetAttribute("href")!, ct);
        using var booked = await patient.SubmitAsync(confirm, confirm.QuerySelector("main form")!.GetAttribute("action")!, [], ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal(new DateTime(2027, 3, 17, 14, 0, 0, DateTimeKind.Utc),
            await factory.WithDbAsync(db => db.Appointments.Where(a => a.Patient!.Email == email).Select(a => a.StartUtc).SingleAsync(ct)));

        // Chicago no longer offers 9:00 nor what would run into the visit (8:45, 9:15); 8:00, 8:30 and 9:30 are still free.
        var after = Times(await patient.GetPageAsync(chicagoTimes, ct), "Wednesday, March 17");
        Assert.DoesNotContain("9:00 AM", after);
        Assert.DoesNotContain("8:45 AM", after);
        Assert.DoesNotContain("9:15 AM", after);
        Assert.Equal(["8:00 AM", "8:30 AM", "9:30 AM"], after.Where(t => t is "8:00 AM" or "8:30 AM" or "9:30 AM").ToList());
    }

    private Task<(int Id, string Name)> FirstClinicianOfAsync(string department, CancellationToken ct) => factory.WithDbAsync(async db =>
    {
        var firstSite = await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(ct);
        var found = await db.StaffMembers.Where(s => s.IsClinician && s.IsActive && s.Department!.Name == department && s.Department.SiteId == firstSite)
            .OrderBy(s => s.Id).Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName }).FirstAsync(ct);
        return (found.Id, found.Name);
    });

    private Task<int> ChicagoFamilyMedicineAsync(CancellationToken ct) =>
        factory.WithDbAsync(db => db.Departments.Where(d => d.Site!.Name == Chicago && d.Name == "Family Medicine").Select(d => d.Id).SingleAsync(ct));

    private Task<int> HoursCountAsync(int clinician, CancellationToken ct) =>
        factory.WithDbAsync(db => db.WorkingHours.CountAsync(w => w.StaffMemberId == clinician, ct));

    private static List<string> DaysWithTimes(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("section").Where(s => s.QuerySelector("a.slot") is not null).Select(s => s.QuerySelector("h2")!.TextContent.Trim())];

    private static List<string> Times(IHtmlDocument page, string day) =>
        [.. page.QuerySelectorAll("section").Where(s => s.QuerySelector("h2")!.TextContent.StartsWith(day, StringComparison.Ordinal))
            .SelectMany(s => s.QuerySelectorAll("a.slot")).Select(a => a.TextContent.Trim())];

    private static string SiteChoice(IHtmlDocument page, string site) =>
        page.QuerySelectorAll("a.choice").Single(a => a.TextContent.Contains(site, StringComparison.Ordinal)).GetAttribute("href")!;

    private static string Choice(IHtmlDocument page, string text) =>
        page.QuerySelectorAll("a.choice").First(a => a.TextContent.Contains(text, StringComparison.Ordinal)).GetAttribute("href")!;
}
