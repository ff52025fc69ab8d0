using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Common;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Admin;

public class AuditTrailTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(int Id, string Number, string Name)> PatientAsync(int skip, CancellationToken ct) =>
        await factory.WithDbAsync(async db => await db.Patients.AsNoTracking().OrderBy(p => p.Id).Skip(skip)
            .Select(p => new ValueTuple<int, string, string>(p.Id, p.ReferenceNumber!, p.FirstName + " " + p.LastName)).FirstAsync(ct));

    private async Task<(int Id, string Name)> StaffAsync(string email, CancellationToken ct) =>
        await factory.WithDbAsync(async db => await db.StaffMembers.AsNoTracking().Where(s => s.Email == email)
            .Select(s => new ValueTuple<int, string>(s.Id, s.LastName + ", " + s.FirstName)).FirstAsync(ct));

    private DateOnly Today => factory.Services.GetRequiredService<ClinicClock>().Today;

    private async Task<Browser> AdminAsync(CancellationToken ct)
    {
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        return admin;
    }

    [Fact]
    public async Task AClinicianOpeningARecordShowsUpForTheAdminByPatientStaffAndDate()
    {
        var ct = TestContext.Current.CancellationToken;
        var patient = await PatientAsync(3, ct);
        var clinician = await StaffAsync("clinician@demo.test", ct);
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("clinician@demo.test", ct);
        await browser.GetPageAsync($"/patients/{patient.Id}", ct);

        var admin = await AdminAsync(ct);
        var byPatient = await admin.GetPageAsync($"/admin/audit?patient={patient.Number}", ct);
        var rows = byPatient.QuerySelectorAll("#audit-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(clinician.Name, StringComparison.Ordinal) && r.Contains("View", StringComparison.Ordinal) && r.Contains(patient.Number, StringComparison.Ordinal));
        // The admin sees the patient number, not who the patient is.
        Assert.DoesNotContain(patient.Name, byPatient.MainText(), StringComparison.Ordinal);

        // The patient number can be typed loosely; the admin's own first look-up is now on the trail too.
        var loose = await admin.GetPageAsync($"/admin/audit?patient={patient.Number.Replace("P-", "p", StringComparison.Ordinal)}", ct);
        Assert.Equal(rows.Count + 1, loose.QuerySelectorAll("#audit-table tbody tr").Length);
        Assert.Contains("Audit trail look-up", loose.QuerySelector("#audit-table tbody tr")!.TextContent, StringComparison.Ordinal);

        var byStaffToday = await admin.GetPageAsync($"/admin/audit?staff={clinician.Id}&from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", ct);
        Assert.Contains(byStaffToday.QuerySelectorAll("#audit-table tbody tr"), r => r.TextContent.Contains(patient.Number, StringComparison.Ordinal));
        Assert.All(byStaffToday.QuerySelectorAll("#audit-table tbody tr"), r => Assert.Contains(clinician.Name, r.TextContent, StringComparison.Ordinal));

        var lastYear = await admin.GetPageAsync($"/admin/audit?staff={clinician.Id}&from={Today.AddYears(-1):yyyy-MM-dd}&to={Today.AddYears(-1):yyyy-MM-dd}", ct);
        Assert.NotNull(lastYear.QuerySelector("#audit-empty"));
        Assert.Null(lastYear.QuerySelector("#audit-table"));

        // Looking up a patient's trail is itself on the trail.
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.PatientId == patient.Id && e.EntityType == nameof(AuditEntry) && e.Action == AuditAction.Search, ct)));
    }

    [Fact]
    public async Task AnApiClientsReadsThroughFhirAreFoundByThatClient()
    {
        var ct = TestContext.Current.CancellationToken;
        var patient = await PatientAsync(5, ct);
        var ehr = factory.CreateBrowser();
        var token = await Fhir.FhirApi.TokenAsync(ehr, ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Fhir.FhirApi.GetAsync(ehr, $"/fhir/Patient/{patient.Id}", token, ct)).Status);
        var demo = await factory.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == Fhir.FhirApi.DemoClient).Select(c => new { c.Id, c.Name }).SingleAsync(ct));
        var clinician = await StaffAsync("clinician@demo.test", ct);
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("clinician@demo.test", ct);
        await browser.GetPageAsync($"/patients/{patient.Id}", ct);

        var admin = await AdminAsync(ct);
        var page = await admin.GetPageAsync($"/admin/audit?client={demo.Id}&patient={patient.Number}", ct);

        // Only the client's read: named as the client, not as a staff member.
        var rows = page.QuerySelectorAll("#audit-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains($"API client: {demo.Name} (demo-ehr)", r, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains(clinician.Name, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Patient record", StringComparison.Ordinal) && r.Contains(patient.Number, StringComparison.Ordinal));
        Assert.Equal(demo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#client option[selected]")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("label[for='client']"));
        // The CSV carries the client too.
        var csv = await admin.Client.GetStringAsync($"/admin/audit/export?client={demo.Id}&patient={patient.Number}", ct);
        Assert.EndsWith("API client", csv.Split('\n')[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Contains("demo-ehr", csv, StringComparison.Ordinal);
        // A client that is not a number gets a plain message, not an error page.
        var bad = await admin.GetPageAsync("/admin/audit?client=abc", ct);
        Assert.Contains("Choose an API client from the list.", bad.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewestFirstFiftyAPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var patient = await PatientAsync(7, ct);
        var start = new DateTime(2025, 3, 1, 15, 0, 0, DateTimeKind.Utc);
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 60; i++)
                db.AuditEntries.Add(new AuditEntry(null, null, patient.Id, AuditAction.View, "Appointment", (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), start.AddMinutes(i)));
            return await db.SaveChangesAsync(ct);
        });

        var admin = await AdminAsync(ct);
        var first = await admin.GetPageAsync($"/admin/audit?patient={patient.Number}&from=2025-03-01&to=2025-03-01", ct);
        var rows = first.QuerySelectorAll("#audit-table tbody tr");
        Assert.Equal(50, rows.Length);
        Assert.Contains("1059", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("1010", rows[49].TextContent, StringComparison.Ordinal);
        Assert.Contains("60 entries", first.MainText(), StringComparison.Ordinal);

        var older = first.QuerySelectorAll("a.page-link").First(a => a.TextContent.Contains("Older", StringComparison.Ordinal)).GetAttribute("href")!;
        var second = await admin.GetPageAsync(older, ct);
        var secondRows = second.QuerySelectorAll("#audit-table tbody tr");
        Assert.Equal(10, secondRows.Length);
        Assert.Contains("1000", secondRows[^1].TextContent, StringComparison.Ordinal);

        using var csv = await admin.Client.GetAsync($"/admin/audit/export?patient={patient.Number}&from=2025-03-01&to=2025-03-01", ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(61, lines.Length);
        Assert.Contains("Patient number", lines[0], StringComparison.Ordinal);
        Assert.Contains(",1059,", lines[1], StringComparison.Ordinal);
        Assert.Contains(patient.Number, lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadableFiltersGetPlainMessagesAndKeepWhatWasTyped()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await AdminAsync(ct);

        var unknown = await admin.GetPageAsync("/admin/audit?patient=P-999999", ct);
        Assert.Contains("No patient has that number", unknown.FieldError("Patient"), StringComparison.Ordinal);
        Assert.Equal("P-999999", unknown.InputValue("patient"));

        var backwards = await admin.GetPageAsync("/admin/audit?from=2026-11-20&to=2026-11-01", ct);
        Assert.Contains("before the start date", backwards.FieldError("To"), StringComparison.Ordinal);

        var notADate = await admin.GetPageAsync("/admin/audit?from=yesterday&staff=abc", ct);
        Assert.Contains("Enter a date like", notADate.FieldError("from"), StringComparison.Ordinal);
        Assert.Contains("Choose a staff member", notADate.FieldError("staff"), StringComparison.Ordinal);
        Assert.Null(notADate.QuerySelector("#audit-table"));
    }
}
