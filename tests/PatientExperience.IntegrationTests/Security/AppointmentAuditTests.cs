using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Auditing;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

/// <summary>Every staff look at or change of a patient's appointment leaves an audit entry: who, when, what, which patient.</summary>
public class AppointmentAuditTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task FrontDeskAndClinicianLooksAndChangesOfAnAppointmentAreAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        var (patientId, clinicianId, serviceId, deskStaffId, clinicianUserId) = await factory.WithDbAsync(async db =>
        {
            var clinician = await db.StaffMembers.Where(s => s.Email == "clinician@demo.test").Select(s => new { s.Id, s.DepartmentId, s.UserId }).SingleAsync(ct);
            var service = await db.ClinicServices.Where(s => s.DepartmentId == clinician.DepartmentId && s.IsActive).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(ct);
            var patient = await db.Patients.Where(p => p.Email == "patient@demo.test").Select(p => p.Id).SingleAsync(ct);
            var desk = await db.StaffMembers.Where(s => s.Email == "frontdesk@demo.test").Select(s => s.Id).SingleAsync(ct);
            return (patient, clinician.Id, service, desk, clinician.UserId);
        });

        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var caller = await desk.GetPageAsync($"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician={clinicianId}", ct);
        using var booked = await DeskTimes.PressAndConfirmAsync(desk, DeskTimes.On(caller, patientId)[0], ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var appointmentId = int.Parse(booked.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);
        var readBack = await desk.GetPageAsync(booked.Headers.Location.OriginalString, ct);
        using (var arrived = await desk.PostWithTokenAsync(readBack, $"/frontdesk/appointments/{appointmentId}/arrived", [], ct))
            Assert.Equal(HttpStatusCode.Redirect, arrived.StatusCode);

        var clinician = new Browser(factory.CreateBrowser());
        await clinician.SignInAsync("clinician@demo.test", ct);
        var day = await clinician.GetPageAsync("/clinician", ct);
        using (var called = await clinician.PostWithTokenAsync(day, $"/clinician/appointments/{appointmentId}/inroom", [], ct))
            Assert.Equal(HttpStatusCode.Redirect, called.StatusCode);

        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Appointment" && a.EntityId == appointmentId.ToString(CultureInfo.InvariantCulture)).OrderBy(a => a.Id).ToListAsync(ct));
        Assert.All(entries, e => Assert.Equal(patientId, e.PatientId));
        Assert.Contains(entries, e => e.Action == AuditAction.Create && e.StaffMemberId == deskStaffId);
        Assert.Contains(entries, e => e.Action == AuditAction.View && e.StaffMemberId == deskStaffId);
        Assert.Equal(2, entries.Count(e => e.Action == AuditAction.Update));
        Assert.Contains(entries, e => e.Action == AuditAction.Update && e.StaffMemberId == deskStaffId);
        Assert.Contains(entries, e => e.Action == AuditAction.Update && e.StaffMemberId == clinicianId && e.UserId == clinicianUserId);

    }
}
