using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Surveys;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

/// <summary>
/// Someone the crawl walks as. <see cref="StartPages"/> are visited first and are exempt from the crawl's
/// per-shape limit; <see cref="CrawlEverything"/> adds every GET route of the app after them.
/// </summary>
public sealed record CrawlPerson(string Who, Func<CancellationToken, Task<Browser>> OpenAsync, IReadOnlyList<string> StartPages, bool CrawlEverything = true);

/// <summary>
/// The one-time states whose forms a crawl of the demo clinic cannot reach on its own, made through the portal's
/// own services and pages before the crawl: today's visits (check-in, call in, complete), a future appointment of the
/// demo patient (cancel, reschedule, the desk's move), the patient's own open complaint (message), an open survey
/// (the emailed link and the page under "my"), a waitlist entry and a freed time's offer link, a time-off period,
/// complaints in each status, and a manager with an authenticator app (half-way signed in: the code and recovery-code
/// pages; fully signed in: new recovery codes).
/// </summary>
public static class HostileState
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static async Task<List<CrawlPerson>> SeedAsync(HostileInputFactory factory, CancellationToken ct)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var booking = services.GetRequiredService<BookingService>();
        var availability = services.GetRequiredService<Availability>();
        var flow = services.GetRequiredService<VisitFlow>();

        var clinicianId = await db.StaffMembers.Where(s => s.Email == "clinician@demo.test").Select(s => s.Id).SingleAsync(ct);
        var departmentId = await db.StaffMembers.Where(s => s.Id == clinicianId).Select(s => s.DepartmentId!.Value).SingleAsync(ct);
        var serviceId = await db.ClinicServices.Where(s => s.DepartmentId == departmentId && s.IsActive).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(ct);
        var patient = await db.Patients.Where(p => p.Email == "patient@demo.test").Select(p => new { p.Id, p.Email }).SingleAsync(ct);
        var others = await db.Patients.Where(p => p.Id != patient.Id && p.Email != null).OrderBy(p => p.Id).Select(p => p.Id).Take(4).ToListAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(factory.Time.GetUtcNow().UtcDateTime, NewYork));

        // Looked up again before each booking: times overlap, so one booking can take its neighbours.
        async Task<OfferedSlot> FreeAsync(bool isToday) =>
            (await availability.SlotsAsync(serviceId, clinicianId, today, 14, ct)).SelectMany(d => d.Slots)
                .Where(s => (DateOnly.FromDateTime(s.LocalStart) == today) == isToday).OrderBy(s => isToday ? s.StartUtc.Ticks : -s.StartUtc.Ticks).First();

        async Task<int> BookAsync(int patientId, bool isToday)
        {
            var slot = await FreeAsync(isToday);
            var booked = await booking.BookAsync(new BookAppointment(patientId, serviceId, clinicianId, slot.StartUtc, InteractionChannel.Phone, null), ct);
            Assert.True(booked.IsSuccess, $"Booking for the crawl failed: {booked.Status}");
            return booked.AppointmentId!.Value;
        }

        // Today: one booked (check-in, call in, did not come), one in the room (completed).
        await BookAsync(others[0], isToday: true);
        var inRoom = await BookAsync(others[1], isToday: true);
        Assert.True((await flow.AdvanceAsync(inRoom, FlowStep.InRoom, null, null, ct)).IsSuccess);

        // The demo patient's future appointment (the last free time in two weeks).
        var future = await BookAsync(patient.Id, isToday: false);

        // An open survey for a completed visit of the demo patient: the link exists only in the email.
        var completed = await BookAsync(patient.Id, isToday: true);
        var visitStart = await db.Appointments.Where(a => a.Id == completed).Select(a => a.StartUtc).SingleAsync(ct);
        Assert.True((await flow.AdvanceAsync(completed, FlowStep.InRoom, null, null, ct)).IsSuccess);
        Assert.True((await flow.AdvanceAsync(completed, FlowStep.Completed, null, null, ct)).IsSuccess);
        var now = factory.Time.GetUtcNow().UtcDateTime;
        if (!await db.SurveyInvitations.AnyAsync(i => i.AppointmentId == completed, ct))
        {
            var version = await SurveyInviter.PickVersionAsync(db, serviceId, departmentId, ct) ?? throw new InvalidOperationException("No questionnaire.");
            db.SurveyInvitations.Add(new SurveyInvitation(patient.Id, completed, version, departmentId, clinicianId, serviceId, visitStart, now, now, now.AddDays(30)));
            await db.SaveChangesAsync(ct);
        }
        await db.SurveyInvitations.Where(i => i.AppointmentId == completed).ExecuteUpdateAsync(s => s.SetProperty(i => i.SendAfterUtc, now.AddMinutes(-1)), ct);
        await services.GetRequiredService<SurveyDispatcher>().RunOnceAsync(ct);
        var invitationId = await db.SurveyInvitations.Where(i => i.AppointmentId == completed).Select(i => i.Id).SingleAsync(ct);
        var surveyLink = OutboxReader.LinkIn((await factory.MessagesToAsync(patient.Email!, ct)).Last(m => m.TextBody.Contains("/survey/", StringComparison.Ordinal)));

        // The demo patient waits for an earlier time of another service; someone else's cancellation frees one: an offer link.
        var waitService = await db.ClinicServices.Where(s => s.DepartmentId == departmentId && s.IsActive && s.Id != serviceId).OrderBy(s => s.Id).Select(s => s.Id).FirstOrDefaultAsync(ct);
        if (waitService == 0)
            waitService = serviceId;
        var waitlist = services.GetRequiredService<WaitlistService>();
        Assert.True((await waitlist.JoinAsync(new JoinWaitlist(patient.Id, waitService, null, today, today.AddDays(30), null), ct)).IsSuccess);
        var freeable = (await availability.SlotsAsync(waitService, clinicianId, today.AddDays(3), 10, ct)).SelectMany(d => d.Slots).First();
        var freed = await booking.BookAsync(new BookAppointment(others[2], waitService, clinicianId, freeable.StartUtc, InteractionChannel.Phone, null), ct);
        Assert.True(freed.IsSuccess, freed.Status.ToString());
        Assert.True((await booking.CancelAsync(freed.AppointmentId!.Value, null, "Cannot make it", true, null, ct)).IsSuccess);
        var offer = (await factory.MessagesToAsync(patient.Email!, ct)).LastOrDefault(m => m.TextBody.Contains("/waitlist/offers/", StringComparison.Ordinal));

        // A period of time off for the clinician.
        db.TimeOff.Add(new TimeOff(clinicianId, today.AddDays(40), today.AddDays(41), "Training"));
        await db.SaveChangesAsync(ct);

        // The demo patient's own open complaint (filed through the patient's page).
        var patientBrowser = new Browser(factory.CreateBrowser());
        await patientBrowser.SignInAsync("patient@demo.test", ct);
        var newComplaint = await patientBrowser.GetPageAsync("/my/complaints/new", ct);
        var category = newComplaint.QuerySelectorAll("#CategoryId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        using (var filed = await patientBrowser.SubmitAsync(newComplaint, "/my/complaints/new", [new("CategoryId", category), new("WhatHappened", "Nobody answered the phone for two days.")], ct))
            Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var patientComplaint = await db.Complaints.Where(c => c.PatientId == patient.Id).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync(ct);

        // Complaints in each status, moved there through the complaint's own rules.
        var complaintService = services.GetRequiredService<ComplaintService>();
        var deadlines = await services.GetRequiredService<ComplaintPolicy>().DeadlinesForAsync(departmentId, null, ct);
        var categoryId = int.Parse(category, CultureInfo.InvariantCulture);
        async Task<int> ComplaintAsync(ComplaintSeverity severity, Func<Complaint, DateTime, Result>? move = null, bool caller = false)
        {
            // A caller without an account or email stays new (with an email the acknowledgement goes at once).
            var created = await complaintService.IntakeAsync(new ComplaintIntake(caller ? null : others[3], caller ? "A caller" : null, null, caller ? "555 010 0199" : null,
                InteractionChannel.Phone, categoryId, severity,
                "The waiting room was cold and nobody explained the delay.", null, null, departmentId, null, null), ct);
            Assert.True(created.IsSuccess, string.Join(" ", created.Errors.Select(e => e.Message)));
            if (move is not null)
            {
                var complaint = await db.Complaints.AsTracking().SingleAsync(c => c.Id == created.Value!.Id, ct);
                var result = move(complaint, factory.Time.GetUtcNow().UtcDateTime);
                Assert.True(result.IsSuccess, string.Join(" ", result.Errors.Select(e => e.Message)));
                await db.SaveChangesAsync(ct);
            }
            return created.Value!.Id;
        }
        Result Acknowledged(Complaint c, DateTime at) => c.Status == ComplaintStatus.New ? c.Acknowledge(null, at, deadlines) : Result.Success();
        Result Respond(Complaint c, DateTime at) =>
            c.Respond(new WrittenResponse("We looked into it.", "The heating failed.", "It is fixed.", "Priya Shah", "Write to the ombudsman."), null, at, deadlines);
        List<int> complaintIds =
        [
            await ComplaintAsync(ComplaintSeverity.Low, caller: true),
            await ComplaintAsync(ComplaintSeverity.Medium, (c, at) => Acknowledged(c, at)),
            await ComplaintAsync(ComplaintSeverity.Medium, (c, at) => Acknowledged(c, at) is { IsSuccess: false } r ? r : c.StartInvestigating(null, at, deadlines) is { IsSuccess: false } r2 ? r2 : Respond(c, at)),
            await ComplaintAsync(ComplaintSeverity.Medium, (c, at) => Acknowledged(c, at) is { IsSuccess: false } r ? r : c.StartInvestigating(null, at, deadlines) is { IsSuccess: false } r2 ? r2 : Respond(c, at) is { IsSuccess: false } r3 ? r3 : c.Close(null, at, deadlines)),
        ];
        // An open follow-up of a low survey answer (as the survey feature opens them).
        var followUp = Complaint.ServiceRecovery("CMP-HOSTILE-1", others[3], null, departmentId, clinicianId, null, categoryId,
            null, true, "LowOverall", factory.Time.GetUtcNow().UtcDateTime, deadlines);
        db.Complaints.Add(followUp);
        await db.SaveChangesAsync(ct);
        complaintIds.Add(followUp.Id);
        var complaints = complaintIds.Select(id => $"/complaints/{id}").ToList();

        // A manager (not a demo account, so the second factor is required) with an authenticator app.
        var (twoFactorEmail, key) = await ManagerWithAppAsync(factory, services, ct);

        var desk = $"/frontdesk/patients/{patient.Id}?serviceId={serviceId}&clinician={clinicianId}";
        List<string> patientPages = [$"/appointments/{future}", $"/appointments/{future}/reschedule", $"/my/complaints/{patientComplaint}", $"/my/surveys/{invitationId}", "/waitlist"];
        List<string> anonymousPages = [surveyLink];
        if (offer is not null)
            anonymousPages.Add(OutboxReader.LinkIn(offer));
        return
        [
            new("anonymous", _ => Task.FromResult(new Browser(factory.CreateBrowser())), anonymousPages),
            new("patient", c => SignedInAsync(factory, "patient@demo.test", c), patientPages),
            new("front desk", c => SignedInAsync(factory, "frontdesk@demo.test", c), ["/frontdesk", desk, $"{desk}&moving={future}", .. complaints.Take(1)]),
            new("clinician", c => SignedInAsync(factory, "clinician@demo.test", c), ["/clinician"]),
            new("manager", c => SignedInAsync(factory, "manager@demo.test", c), complaints),
            new("admin", c => SignedInAsync(factory, "admin@demo.test", c), [$"/admin/staff/{clinicianId}/timeoff", .. complaints]),
            new("manager signed in with an app", c => FullySignedInAsync(factory, twoFactorEmail, key, c), ["/account/security"], CrawlEverything: false),
            // Last: its wrong codes lock the account, which would stop the one above from signing in again.
            new("manager half-way through two-factor sign-in", c => HalfSignedInAsync(factory, twoFactorEmail, c), ["/account/twofactor", "/account/recoverycode"], CrawlEverything: false),
        ];
    }

    private static async Task<Browser> SignedInAsync(HostileInputFactory factory, string email, CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        return browser;
    }

    private static async Task<(string Email, string Key)> ManagerWithAppAsync(HostileInputFactory factory, IServiceProvider services, CancellationToken ct)
    {
        var email = $"hostile-2fa-{Guid.NewGuid():N}"[..24] + "@clinic.test";
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, PortalFactory.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Core.Staff.Roles.Manager)).Succeeded);
        var browser = new Browser(factory.CreateBrowser());
        using var login = await browser.LoginAsync(email, PortalFactory.DemoPassword, ct);
        var setup = await browser.GetPageAsync(login.Headers.Location!.OriginalString, ct);
        var key = setup.QuerySelector("#shared-key")!.TextContent;
        using var done = await browser.SubmitAsync(setup, "/account/twofactorsetup", [new("Code", AuthenticatorApp.CodeAt(key, factory.Time.GetUtcNow()))], ct);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        return (email, key);
    }

    /// <summary>Password accepted, code not yet given: the pages that ask for the code or a recovery code.</summary>
    private static async Task<Browser> HalfSignedInAsync(HostileInputFactory factory, string email, CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        using var login = await browser.LoginAsync(email, PortalFactory.DemoPassword, ct);
        return browser;
    }

    /// <summary>Signed in with the password and a code (each code works once, so the clock moves to a new 30-second step).</summary>
    private static async Task<Browser> FullySignedInAsync(HostileInputFactory factory, string email, string key, CancellationToken ct)
    {
        var browser = await HalfSignedInAsync(factory, email, ct);
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        var page = await browser.GetPageAsync("/account/twofactor", ct);
        using var done = await browser.SubmitAsync(page, "/account/twofactor", [new("Code", AuthenticatorApp.CodeAt(key, factory.Time.GetUtcNow()))], ct);
        return browser;
    }
}
