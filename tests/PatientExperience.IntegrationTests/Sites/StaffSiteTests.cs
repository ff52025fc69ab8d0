using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Interactions;
using PatientExperience.Infrastructure.Data;
using PatientExperience.IntegrationTests.Flow;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// Staff work where they are: a receptionist of the Chicago site opens the desk's day and the flow board on Chicago's
/// visits, in Chicago's time; a switch shows another site's day (remembered) or every site's; Chicago's clinician reads
/// her day in Chicago's time.
/// </summary>
public class StaffSiteTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    [Fact]
    public async Task AChicagoDeskSeesChicagosDayInChicagoTimeAndSwitchesToNewYorksWhichIsRemembered()
    {
        var ct = TestContext.Current.CancellationToken;
        factory.AtLeast(SitesFactory.Friday9amChicago);
        // Today, Friday 12 March 2027 (standard time): 13:30 in Chicago is 19:30 UTC, 2:30 PM in New York.
        var chicagoVisit = new DateTime(2027, 3, 12, 19, 30, 0, DateTimeKind.Utc);
        var (chicagoPatient, newYorkPatient) = await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var booking = services.GetRequiredService<BookingService>();
            var emails = await factory.CreatePatientsAsync("staffsite", 2, ct);
            var patients = await db.Patients.Where(p => emails.Contains(p.Email!)).OrderBy(p => p.LastName).Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName }).ToListAsync(ct);
            var chicagoService = await db.ClinicServices.Where(s => s.Name == "Follow-up appointment" && s.Department!.Site!.Name == "Chicago Loop Clinic").Select(s => s.Id).SingleAsync(ct);
            var dana = await db.StaffMembers.Where(s => s.LastName == "Whitfield").Select(s => s.Id).SingleAsync(ct);
            Assert.True((await booking.BookAsync(new BookAppointment(patients[0].Id, chicagoService, dana, chicagoVisit, InteractionChannel.Phone, null), ct)).IsSuccess);
            var newYorkService = await db.ClinicServices.Where(s => s.Name == "Follow-up appointment" && s.Department!.Site!.Name == "Riverside Health Clinic").Select(s => s.Id).SingleAsync(ct);
            var sam = await db.StaffMembers.Where(s => s.Email == FlowDay.Sam).Select(s => s.Id).SingleAsync(ct);
            var slot = (await services.GetRequiredService<Availability>().SlotsAsync(newYorkService, sam, new DateOnly(2027, 3, 12), 1, ct)).SelectMany(d => d.Slots).First();
            Assert.True((await booking.BookAsync(new BookAppointment(patients[1].Id, newYorkService, sam, slot.StartUtc, InteractionChannel.Phone, null), ct)).IsSuccess);
            // The receptionist works at the Chicago site.
            var chicagoDepartment = await db.Departments.Where(d => d.Site!.Name == "Chicago Loop Clinic").Select(d => d.Id).SingleAsync(ct);
            await db.StaffMembers.Where(s => s.Email == "frontdesk@demo.test").ExecuteUpdateAsync(s => s.SetProperty(m => m.DepartmentId, chicagoDepartment), ct);
            return (patients[0].Name, patients[1].Name);
        });
        var sites = await factory.WithDbAsync(db => db.Sites.ToDictionaryAsync(s => s.Name, s => s.Id, ct));
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);

        // By default, their own site's day, in its time.
        var day = await desk.GetPageAsync("/frontdesk?window=day", ct);
        Assert.Contains(chicagoPatient, day.MainText());
        Assert.DoesNotContain(newYorkPatient, day.MainText());
        Assert.Contains("1:30 PM", day.MainText());
        Assert.DoesNotContain("2:30 PM", day.MainText());
        Assert.Equal("Chicago Loop Clinic", day.QuerySelector("nav.site-switch a[aria-current=page]")!.TextContent.Trim());
        Assert.Contains("Times are in Central Time.", day.QuerySelector("nav.site-switch")!.TextContent);

        // The switch: New York's day, remembered on the flow board too.
        var newYork = await desk.GetPageAsync($"/frontdesk?window=day&site={sites["Riverside Health Clinic"]}", ct);
        Assert.Contains(newYorkPatient, newYork.MainText());
        Assert.DoesNotContain(chicagoPatient, newYork.MainText());
        var board = await desk.GetPageAsync("/flow", ct);
        Assert.Equal("Riverside Health Clinic", board.QuerySelector("nav.site-switch a[aria-current=page]")!.TextContent.Trim());
        Assert.Contains(newYorkPatient, board.MainText());
        Assert.DoesNotContain(chicagoPatient, board.MainText());

        // Every site, then Chicago again on the board, in Chicago's time.
        var all = await desk.GetPageAsync("/flow?site=0", ct);
        Assert.Contains(newYorkPatient, all.MainText());
        Assert.Contains(chicagoPatient, all.MainText());
        var chicagoBoard = await desk.GetPageAsync($"/flow?site={sites["Chicago Loop Clinic"]}", ct);
        Assert.Contains($"1:30 PM – {chicagoPatient}", chicagoBoard.MainText());
        Assert.DoesNotContain(newYorkPatient, chicagoBoard.MainText());

        // Chicago's clinician reads her day in Chicago's time.
        var dana = new Browser(factory.CreateBrowser());
        await dana.SignInAsync("dana.whitfield@riverside.test", ct);
        var mine = (await dana.GetPageAsync("/clinician", ct)).QuerySelector("section[aria-labelledby=today-h]")!.TextContent;
        Assert.Contains(chicagoPatient, mine);
        Assert.Contains("1:30 PM", mine);
        Assert.DoesNotContain("2:30 PM", mine);
    }
}
