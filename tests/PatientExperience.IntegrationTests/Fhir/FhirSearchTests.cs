using System.Globalization;
using System.Net;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Infrastructure.Data;
using Task = System.Threading.Tasks.Task;

namespace PatientExperience.IntegrationTests.Fhir;

/// <summary>
/// The searches an EHR and a warehouse need beyond the first slice: <c>_lastUpdated</c> for incremental pulls, a
/// patient by family name and birth date, and <c>_include=Appointment:patient</c>. Every answer is validated.
/// </summary>
public class FhirSearchTests(FhirFactory factory) : IClassFixture<FhirFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two patients with the same family name and birth date; the second changed a day after the clinic's "now".</summary>
    private async Task<(int Older, int Changed)> TwinsAsync(string family)
    {
        return await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var older = new Core.Patients.Patient("Ann", family, new DateOnly(1970, 5, 6), "555 010 0001", null, "en");
            var changed = new Core.Patients.Patient("Bea", family, new DateOnly(1970, 5, 6), "555 010 0002", null, "en");
            db.Patients.AddRange(older, changed);
            await db.SaveChangesAsync(Ct);
            var later = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
            await db.Patients.Where(p => p.Id == changed.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ModifiedAtUtc, later), Ct);
            return (older.Id, changed.Id);
        });
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task PatientsAreFoundByFamilyAndBirthdateTogether()
    {
        var client = factory.CreateBrowser();
        var token = await FhirApi.TokenAsync(client, Ct);
        var (older, changed) = await TwinsAsync("Quenneville");

        var found = (await FhirApi.GetAsync(client, "/fhir/Patient?family=quenne&birthdate=1970-05-06", token, Ct)).As<Bundle>();

        Assert.Equal([Key(older), Key(changed)], found.Entries<Patient>().Select(p => p.Id));
        Assert.All(found.Entries<Patient>(), p => Assert.Equal("1970-05-06", p.BirthDate));
        Assert.Equal(0, (await FhirApi.GetAsync(client, "/fhir/Patient?family=quenne&birthdate=1970-05-07", token, Ct)).As<Bundle>().Total);
        Assert.Equal(0, (await FhirApi.GetAsync(client, "/fhir/Patient?family=venne&birthdate=1970-05-06", token, Ct)).As<Bundle>().Total);
        // One of them alone could list every patient: refused.
        var familyOnly = await FhirApi.GetAsync(client, "/fhir/Patient?family=quenne", token, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, familyOnly.Status);
        Assert.Contains("family and birthdate together", familyOnly.Diagnostics, StringComparison.Ordinal);
        var badDate = await FhirApi.GetAsync(client, "/fhir/Patient?family=quenne&birthdate=06/05/1970", token, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.Status);
        Assert.Contains("birthdate is a date", badDate.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastUpdatedPullsOnlyWhatChangedInTheRange()
    {
        var client = factory.CreateBrowser();
        var token = await FhirApi.TokenAsync(client, Ct);
        var (older, changed) = await TwinsAsync("Lastupdateson");
        const string Twins = "/fhir/Patient?family=lastupdateson&birthdate=1970-05-06";

        var since = (await FhirApi.GetAsync(client, $"{Twins}&_lastUpdated=ge2026-11-24T00:00:00Z", token, Ct)).As<Bundle>();
        var before = (await FhirApi.GetAsync(client, $"{Twins}&_lastUpdated=lt2026-11-24", token, Ct)).As<Bundle>();
        var onDay = (await FhirApi.GetAsync(client, $"{Twins}&_lastUpdated=2026-11-24", token, Ct)).As<Bundle>();
        var window = (await FhirApi.GetAsync(client, $"{Twins}&_lastUpdated=gt2026-11-24T11:59:00Z&_lastUpdated=le2026-11-24T12:00:00Z", token, Ct)).As<Bundle>();

        Assert.Equal([Key(changed)], since.Entries<Patient>().Select(p => p.Id));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero), since.Entries<Patient>()[0].Meta!.LastUpdated);
        Assert.Equal([Key(older)], before.Entries<Patient>().Select(p => p.Id));
        Assert.Equal([Key(changed)], onDay.Entries<Patient>().Select(p => p.Id));
        Assert.Equal([Key(changed)], window.Entries<Patient>().Select(p => p.Id));

        // The directory types take it too: nothing of the seeded clinic changed after the clinic's "now".
        foreach (var type in new[] { "Practitioner", "Location", "HealthcareService", "Schedule" })
        {
            var all = (await FhirApi.GetAsync(client, $"/fhir/{type}?_lastUpdated=ge2000-01-01", token, Ct)).As<Bundle>();
            var none = (await FhirApi.GetAsync(client, $"/fhir/{type}?_lastUpdated=gt2026-12-31", token, Ct)).As<Bundle>();
            Assert.True(all.Total > 0, type);
            Assert.Equal(0, none.Total);
        }

        var bad = await FhirApi.GetAsync(client, "/fhir/Appointment?patient=1&_lastUpdated=ap2026-11-24", token, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("on _lastUpdated", bad.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await FhirApi.GetAsync(client, "/fhir/Location?_lastUpdated=yesterday", token, Ct)).Status);
        // A Slot is worked out when asked: it has no _lastUpdated search.
        Assert.Equal(HttpStatusCode.BadRequest, (await FhirApi.GetAsync(client, "/fhir/Slot?schedule=1&_lastUpdated=ge2026-11-24", token, Ct)).Status);
    }

    [Fact]
    public async Task IncludeAppointmentPatientBringsEachPatientOnceAndAuditsIt()
    {
        var client = factory.CreateBrowser();
        var token = await FhirApi.TokenAsync(client, Ct);
        var (patientId, _) = await TwinsAsync("Includerson");
        var (clinicianId, serviceId) = await factory.WithDbAsync(async db =>
        {
            var c = await db.StaffMembers.Where(s => s.IsClinician && s.IsActive).OrderBy(s => s.Id).FirstAsync(Ct);
            var s = await db.ClinicServices.Where(x => x.DepartmentId == c.DepartmentId && x.IsActive).OrderBy(x => x.Id).FirstAsync(Ct);
            return (c.Id, s.Id);
        });
        await factory.WithScopeAsync(async sp =>
        {
            var free = (await sp.GetRequiredService<Core.Appointments.Availability>().SlotsAsync(serviceId, clinicianId, new DateOnly(2026, 11, 26), 1, Ct))
                .SelectMany(d => d.Slots).ToList();
            var db = sp.GetRequiredService<AppDbContext>();
            db.Appointments.AddRange(
                new Core.Appointments.Appointment(patientId, clinicianId, serviceId, free[0].Slot, Core.Interactions.InteractionChannel.Web, TimeSpan.FromDays(1)),
                new Core.Appointments.Appointment(patientId, clinicianId, serviceId, free[2].Slot, Core.Interactions.InteractionChannel.Web, TimeSpan.FromDays(1)));
            return await db.SaveChangesAsync(Ct);
        });
        var demo = await factory.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == FhirApi.DemoClient).Select(c => c.Id).SingleAsync(Ct));
        Task<int> PatientReads() => factory.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.ApiClientId == demo && a.PatientId == patientId && a.EntityType == "Patient" && a.Action == Core.Auditing.AuditAction.View, Ct));
        var readsBefore = await PatientReads();

        var bundle = (await FhirApi.GetAsync(client, $"/fhir/Appointment?patient=Patient/{patientId}&_include=Appointment:patient", token, Ct)).As<Bundle>();

        Assert.Equal(2, bundle.Total);
        Assert.Equal([Bundle.SearchEntryMode.Match, Bundle.SearchEntryMode.Match, Bundle.SearchEntryMode.Include], bundle.Entry.Select(e => e.Search!.Mode!.Value));
        var included = Assert.IsType<Patient>(bundle.Entry[^1].Resource);
        Assert.Equal(Key(patientId), included.Id);
        Assert.Equal("Includerson", included.Name[0].Family);
        Assert.Equal(readsBefore + 1, await PatientReads());

        var narrow = await FhirApi.TokenAsync(client, Ct, scope: "system/Appointment.read");
        var refused = await FhirApi.GetAsync(client, $"/fhir/Appointment?patient=Patient/{patientId}&_include=Appointment:patient", narrow, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("system/Patient.read", refused.Diagnostics, StringComparison.Ordinal);
        var other = await FhirApi.GetAsync(client, $"/fhir/Appointment?patient=Patient/{patientId}&_include=Appointment:practitioner", token, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, other.Status);
        Assert.Contains("Only _include=Appointment:patient", other.Diagnostics, StringComparison.Ordinal);
    }
}
