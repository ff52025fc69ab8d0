using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Interactions;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

/// <summary>
/// A staff change to an appointment and its audit entry are one transaction: while the database refuses audit entries
/// (a trigger on this test's own SQLite file), the desk's cancel, move and check-in and the clinician's call-in leave the
/// appointment as it was, with nothing on the timeline, and say so on the page; once entries are accepted again, each
/// change lands with its entry.
/// </summary>
public class AppointmentAuditTransactionTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    // The audit store refusing every entry: a trigger in each engine's own dialect.
    private static readonly string AuditDown = TestDatabase.IsPostgres
        ? """
          CREATE FUNCTION audit_down() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''audit store unavailable''; END';
          CREATE TRIGGER audit_down BEFORE INSERT ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_down();
          """
        : "CREATE TRIGGER audit_down BEFORE INSERT ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END;";
    private static readonly string AuditUp = TestDatabase.IsPostgres
        ? "DROP TRIGGER audit_down ON \"AuditEntries\"; DROP FUNCTION audit_down();"
        : "DROP TRIGGER audit_down;";
    private const string NotFinished = "Sorry, we could not finish that. Nothing you entered has been lost. Please try again in a moment.";

    private sealed record State(AppointmentStatus Status, DateTime StartUtc, DateTime? ArrivedAtUtc, int Cells, int Interactions, int Entries);

    private Task<State> StateAsync(int appointmentId, int patientId, CancellationToken ct) => factory.WithDbAsync(async db =>
    {
        var a = await db.Appointments.AsNoTracking().SingleAsync(x => x.Id == appointmentId, ct);
        var id = appointmentId.ToString(CultureInfo.InvariantCulture);
        return new State(a.Status, a.StartUtc, a.ArrivedAtUtc,
            await db.TimeCells.CountAsync(c => c.AppointmentId == appointmentId, ct),
            await db.Interactions.CountAsync(i => i.PatientId == patientId, ct),
            await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Appointment) && e.EntityId == id, ct));
    });

    private Task<int> ExecuteAsync(string sql, CancellationToken ct) => factory.WithDbAsync(async db => await db.Database.ExecuteSqlRawAsync(sql, ct));

    [Fact]
    public async Task WhileTheAuditEntryCannotBeWrittenNoStaffChangeToAnAppointmentLands()
    {
        var ct = TestContext.Current.CancellationToken;
        var (patientId, clinicianId, serviceId) = await factory.WithDbAsync(async db =>
        {
            var clinician = await db.StaffMembers.Where(s => s.Email == "clinician@demo.test").Select(s => new { s.Id, s.DepartmentId }).SingleAsync(ct);
            var service = await db.ClinicServices.Where(s => s.DepartmentId == clinician.DepartmentId && s.IsActive).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(ct);
            var patient = await db.Patients.Where(p => p.Email == "patient@demo.test").Select(p => p.Id).SingleAsync(ct);
            return (patient, clinician.Id, service);
        });
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var callerUrl = $"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician={clinicianId}";
        var caller = await desk.GetPageAsync(callerUrl, ct);
        var book = $"/frontdesk/patients/{patientId}/book";
        var times = DeskTimes.On(caller, patientId);
        var starts = times.Select(f => f.QuerySelector("input[name=start]")!.GetAttribute("value")!).ToList();
        Assert.True(starts.Count > 2, "The caller screen offers too few free times.");

        // Booking: refused audit, no appointment, and the desk is told the truth: not that the time was taken.
        var appointmentsBefore = await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.PatientId == patientId, ct));
        var check = await DeskTimes.OpenCheckAsync(desk, times[0], ct);
        await ExecuteAsync(AuditDown, ct);
        using (var refused = await DeskTimes.ConfirmAsync(desk, check, ct))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
            var told = (await Browser.ReadAsync(refused, ct)).MainText();
            Assert.Contains(NotFinished, told, StringComparison.Ordinal);
            Assert.DoesNotContain("just taken", told, StringComparison.Ordinal);
        }
        Assert.Equal(appointmentsBefore, await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.PatientId == patientId, ct)));
        await ExecuteAsync(AuditUp, ct);

        using var booked = await DeskTimes.ConfirmAsync(desk, await DeskTimes.OpenCheckAsync(desk, times[0], ct), ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var appointmentId = int.Parse(booked.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);
        var readBack = await desk.GetPageAsync(booked.Headers.Location.OriginalString, ct);
        var before = await StateAsync(appointmentId, patientId, ct);
        Assert.Equal(AppointmentStatus.Booked, before.Status);
        Assert.True(before.Cells > 0);

        // Every look at a patient is audited too, so pages are read while entries are accepted; the changes are sent
        // while they are refused, and what the desk was told is read afterwards.
        var page = await desk.GetPageAsync($"/frontdesk/patients/{patientId}", ct);
        async Task<string> ToldAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            await ExecuteAsync(AuditUp, ct);
            var next = await desk.GetPageAsync(response.Headers.Location!.OriginalString, ct);
            return next.QuerySelector("[role=alert]")?.TextContent ?? string.Empty;
        }

        // Cancel (inside the cut-off, with the reason for the exception): the appointment keeps its time (cells included:
        // their delete rolled back too), no override note is kept, and the desk is told.
        await ExecuteAsync(AuditDown, ct);
        using (var cancel = await desk.PostWithTokenAsync(page, $"/frontdesk/appointments/{appointmentId}/cancel", [new("reason", "Feeling better"), new("overrideReason", "Called in unwell")], ct))
            Assert.Contains(NotFinished, await ToldAsync(cancel), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(appointmentId, patientId, ct));

        // Move to another free time: stays where it was.
        await ExecuteAsync(AuditDown, ct);
        using (var move = await desk.PostWithTokenAsync(page, $"/frontdesk/appointments/{appointmentId}/move",
            [new("clinicianId", clinicianId.ToString(CultureInfo.InvariantCulture)), new("start", starts[^1]), new("overrideReason", "Called in unwell")], ct))
            Assert.Contains(NotFinished, await ToldAsync(move), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(appointmentId, patientId, ct));

        // Check-in: not arrived, no "checked in" on the timeline, and the desk is told.
        await ExecuteAsync(AuditDown, ct);
        using (var arrived = await desk.PostWithTokenAsync(readBack, $"/frontdesk/appointments/{appointmentId}/arrived", [], ct))
            Assert.Contains(NotFinished, await ToldAsync(arrived), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(appointmentId, patientId, ct));

        // Entries accepted again: the check-in lands with exactly one entry, and so does the clinician's call-in.
        using (var arrived = await desk.PostWithTokenAsync(readBack, $"/frontdesk/appointments/{appointmentId}/arrived", [], ct))
            Assert.Equal(HttpStatusCode.Redirect, arrived.StatusCode);
        var checkedIn = await StateAsync(appointmentId, patientId, ct);
        Assert.Equal(AppointmentStatus.Arrived, checkedIn.Status);
        Assert.Equal(before.Interactions + 1, checkedIn.Interactions);
        Assert.Equal(before.Entries + 1, checkedIn.Entries);

        var clinician = new Browser(factory.CreateBrowser());
        await clinician.SignInAsync("clinician@demo.test", ct);
        var day = await clinician.GetPageAsync("/clinician", ct);
        await ExecuteAsync(AuditDown, ct);
        using (var called = await clinician.PostWithTokenAsync(day, $"/clinician/appointments/{appointmentId}/inroom", [], ct))
            Assert.Equal(HttpStatusCode.Redirect, called.StatusCode);
        Assert.Equal(checkedIn, await StateAsync(appointmentId, patientId, ct));
        await ExecuteAsync(AuditUp, ct);
        using (var called = await clinician.PostWithTokenAsync(day, $"/clinician/appointments/{appointmentId}/inroom", [], ct))
            Assert.Equal(HttpStatusCode.Redirect, called.StatusCode);
        var inRoom = await StateAsync(appointmentId, patientId, ct);
        Assert.Equal(AppointmentStatus.InRoom, inRoom.Status);
        Assert.Equal(checkedIn.Entries + 1, inRoom.Entries);
        var last = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync(ct));
        Assert.Equal((AuditAction.Update, patientId), (last.Action, last.PatientId));
    }
}
