using System.Globalization;
using System.Net;
using CsCheck;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PatientExperience.IntegrationTests.Fhir;

/// <summary>
/// The FHIR R4 read API as an EHR uses it, through the real HTTP pipeline with the demo client's token: metadata, each
/// resource read and search parameter, paging, and refusals as OperationOutcomes. Every resource answered is validated
/// against the R4 base definitions (<see cref="FhirApi.ReadAsync"/>).
/// </summary>
public class FhirReadTests(FhirFactory factory) : IClassFixture<FhirFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, string Token)> EhrAsync()
    {
        var client = factory.CreateBrowser();
        return (client, await FhirApi.TokenAsync(client, Ct));
    }

    [Fact]
    public async Task MetadataListsExactlyWhatIsServedWithoutALogin()
    {
        var answer = await FhirApi.GetAsync(factory.CreateBrowser(), "/fhir/metadata", null, Ct);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var statement = answer.As<CapabilityStatement>();
        Assert.Equal(FHIRVersion.N4_0_1, statement.FhirVersion);
        Assert.Contains("json", statement.Format);
        var rest = Assert.Single(statement.Rest);
        Assert.Equal(["Appointment", "HealthcareService", "Location", "Patient", "Practitioner", "Questionnaire", "QuestionnaireResponse", "Schedule", "Slot"], rest.Resource.Select(r => r.Type ?? "").Order().ToArray());
        var slot = rest.Resource.Single(r => r.Type == "Slot");
        Assert.Equal(["schedule", "service-type", "start", "status"], slot.SearchParam.Select(p => p.Name ?? "").Order().ToArray());
        Assert.All(rest.Resource.Where(r => r.Type != "Appointment"), r => Assert.Equal(
            [CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType],
            r.Interaction.Select(i => i.Code!.Value).ToArray()));
        var appointment = rest.Resource.Single(r => r.Type == "Appointment");
        Assert.Equal(
            [CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType, CapabilityStatement.TypeRestfulInteraction.Create,
             CapabilityStatement.TypeRestfulInteraction.Update, CapabilityStatement.TypeRestfulInteraction.Patch],
            appointment.Interaction.Select(i => i.Code!.Value).ToArray());
        Assert.Equal(["Appointment:patient"], appointment.SearchInclude);
        Assert.Equal("export", Assert.Single(rest.Operation).Name);
        Assert.Equal(["Appointment", "QuestionnaireResponse"], rest.Resource.Where(r => r.Operation.Any(o => o.Name == "export")).Select(r => r.Type ?? "").Order(StringComparer.Ordinal));
        Assert.Equal(["_lastUpdated", "date", "patient", "practitioner", "status"], appointment.SearchParam.Select(p => p.Name ?? "").Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["_id", "_lastUpdated", "birthdate", "family", "identifier"],
            rest.Resource.Single(r => r.Type == "Patient").SearchParam.Select(p => p.Name ?? "").Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("/fhir/auth/token", rest.Security?.Description ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task PractitionersAreTheCliniciansByIdAndName()
    {
        var (client, token) = await EhrAsync();
        var clinicians = await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.IsClinician).OrderBy(s => s.Id).ToListAsync(Ct));
        var other = await factory.WithDbAsync(db => db.StaffMembers.Where(s => !s.IsClinician).Select(s => s.Id).FirstAsync(Ct));
        var first = clinicians[0];

        var read = (await FhirApi.GetAsync(client, $"/fhir/Practitioner/{first.Id}", token, Ct)).As<Practitioner>();
        Assert.Equal(first.Id.ToString(CultureInfo.InvariantCulture), read.Id);
        Assert.Equal(first.LastName, read.Name[0].Family);
        Assert.Equal(first.FirstName, read.Name[0].Given.Single());
        Assert.Equal(first.JobTitle, read.Qualification[0].Code.Text);
        Assert.Equal(new DateTimeOffset(first.ModifiedAtUtc ?? first.CreatedAtUtc, TimeSpan.Zero), read.Meta!.LastUpdated);

        var all = (await FhirApi.GetAsync(client, "/fhir/Practitioner", token, Ct)).As<Bundle>();
        Assert.Equal(Bundle.BundleType.Searchset, all.Type);
        Assert.Equal(clinicians.Count, all.Total);
        Assert.Equal(clinicians.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)), all.Entries<Practitioner>().Select(p => p.Id));
        Assert.All(all.Entry, e => Assert.EndsWith($"/fhir/Practitioner/{e.Resource!.Id}", e.FullUrl));

        var byName = (await FhirApi.GetAsync(client, $"/fhir/Practitioner?name={Uri.EscapeDataString(first.LastName.ToUpperInvariant())}", token, Ct)).As<Bundle>();
        Assert.Contains(byName.Entries<Practitioner>(), p => p.Id == read.Id);
        Assert.All(byName.Entries<Practitioner>(), p => Assert.StartsWith(first.LastName, p.Name[0].Family, StringComparison.OrdinalIgnoreCase));

        var byId = (await FhirApi.GetAsync(client, $"/fhir/Practitioner?_id={first.Id},{clinicians[1].Id}", token, Ct)).As<Bundle>();
        Assert.Equal(2, byId.Total);

        // Staff who are not clinicians are not Practitioners here.
        Assert.Equal(HttpStatusCode.NotFound, (await FhirApi.GetAsync(client, $"/fhir/Practitioner/{other}", token, Ct)).Status);
    }

    [Fact]
    public async Task LocationsAreDepartmentsWithTheirAddress()
    {
        var (client, token) = await EhrAsync();
        var department = await factory.WithDbAsync(db => db.Departments.Where(d => d.Address != null).OrderBy(d => d.Id).FirstAsync(Ct));

        var location = (await FhirApi.GetAsync(client, $"/fhir/Location/{department.Id}", token, Ct)).As<Location>();
        Assert.Equal(department.Name, location.Name);
        Assert.Equal(department.Address!.Split('\n'), location.Address!.Line);
        Assert.Equal(Location.LocationStatus.Active, location.Status);
        Assert.Equal(department.Phone, location.Telecom.SingleOrDefault()?.Value);

        var byName = (await FhirApi.GetAsync(client, $"/fhir/Location?name={Uri.EscapeDataString(department.Name)}", token, Ct)).As<Bundle>();
        Assert.Contains(byName.Entries<Location>(), l => l.Id == location.Id);
        var count = await factory.WithDbAsync(db => db.Departments.CountAsync(Ct));
        Assert.Equal(count, (await FhirApi.GetAsync(client, "/fhir/Location?_count=200", token, Ct)).As<Bundle>().Total);
    }

    [Fact]
    public async Task HealthcareServicesAreTheServicesOfEachDepartment()
    {
        var (client, token) = await EhrAsync();
        var service = await factory.WithDbAsync(db => db.ClinicServices.OrderBy(s => s.Id).FirstAsync(Ct));
        var siblings = await factory.WithDbAsync(db => db.ClinicServices.Where(s => s.DepartmentId == service.DepartmentId).Select(s => s.Id).ToListAsync(Ct));

        var read = (await FhirApi.GetAsync(client, $"/fhir/HealthcareService/{service.Id}", token, Ct)).As<HealthcareService>();
        Assert.Equal(service.Name, read.Name);
        Assert.Equal($"Location/{service.DepartmentId}", read.Location.Single().Reference);
        Assert.Equal(service.Id.ToString(CultureInfo.InvariantCulture), read.Type.Single().Coding.Single().Code);

        var inDepartment = (await FhirApi.GetAsync(client, $"/fhir/HealthcareService?location=Location/{service.DepartmentId}", token, Ct)).As<Bundle>();
        Assert.Equal(siblings.Order().Select(i => i.ToString(CultureInfo.InvariantCulture)), inDepartment.Entries<HealthcareService>().Select(s => s.Id));

        var byName = (await FhirApi.GetAsync(client, $"/fhir/HealthcareService?name={Uri.EscapeDataString(service.Name)}", token, Ct)).As<Bundle>();
        Assert.Contains(byName.Entries<HealthcareService>(), s => s.Id == read.Id);
        Assert.Equal(1, (await FhirApi.GetAsync(client, $"/fhir/HealthcareService?_id={service.Id}", token, Ct)).As<Bundle>().Total);
    }

    [Fact]
    public async Task EachClinicianHasOneSchedule()
    {
        var (client, token) = await EhrAsync();
        var clinician = await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.IsClinician).OrderBy(s => s.Id).FirstAsync(Ct));

        var schedule = (await FhirApi.GetAsync(client, $"/fhir/Schedule/{clinician.Id}", token, Ct)).As<Schedule>();
        Assert.Equal($"Practitioner/{clinician.Id}", schedule.Actor[0].Reference);
        Assert.Equal($"Location/{clinician.DepartmentId}", schedule.Actor[1].Reference);

        var byActor = (await FhirApi.GetAsync(client, $"/fhir/Schedule?actor=Practitioner/{clinician.Id}", token, Ct)).As<Bundle>();
        Assert.Equal(schedule.Id, Assert.Single(byActor.Entries<Schedule>()).Id);
        var clinicians = await factory.WithDbAsync(db => db.StaffMembers.CountAsync(s => s.IsClinician, Ct));
        Assert.Equal(clinicians, (await FhirApi.GetAsync(client, "/fhir/Schedule", token, Ct)).As<Bundle>().Total);
        Assert.Equal(1, (await FhirApi.GetAsync(client, $"/fhir/Schedule?_id={clinician.Id}", token, Ct)).As<Bundle>().Total);
    }

    [Fact]
    public async Task SlotsAreTheFreeTimesPatientsAreOffered()
    {
        var (client, token) = await EhrAsync();
        var (clinician, service) = await factory.WithDbAsync(async db =>
        {
            var c = await db.StaffMembers.Where(s => s.IsClinician && s.IsActive).OrderBy(s => s.Id).FirstAsync(Ct);
            var s = await db.ClinicServices.Where(x => x.DepartmentId == c.DepartmentId && x.IsActive).OrderBy(x => x.Id).FirstAsync(Ct);
            return (c, s);
        });
        // What the booking pages offer for this clinician and service on Tuesday to Thursday (the same code, Availability).
        var offered = await factory.WithScopeAsync(sp => sp.GetRequiredService<PatientExperience.Core.Appointments.Availability>()
            .SlotsAsync(service.Id, clinician.Id, new DateOnly(2026, 11, 24), 3, Ct));
        var expected = offered.SelectMany(d => d.Slots).Select(s => s.StartUtc).ToList();
        Assert.NotEmpty(expected);

        var url = $"/fhir/Slot?schedule=Schedule/{clinician.Id}&service-type={Uri.EscapeDataString(Web.Fhir.FhirDirectory.ServiceSystem + "|" + service.Id)}"
                  + "&start=ge2026-11-24&start=lt2026-11-27T00:00:00-05:00&status=free&_count=200";
        var bundle = (await FhirApi.GetAsync(client, url, token, Ct)).As<Bundle>();
        var slots = bundle.Entries<Slot>();
        Assert.Equal(expected, slots.Select(s => s.Start!.Value.UtcDateTime));
        Assert.Equal(expected.Count, bundle.Total);
        Assert.All(slots, s =>
        {
            Assert.Equal(Slot.SlotStatus.Free, s.Status);
            Assert.Equal($"Schedule/{clinician.Id}", s.Schedule.Reference);
            Assert.Equal(TimeSpan.FromHours(-5), s.Start!.Value.Offset);
            Assert.Equal(TimeSpan.FromMinutes(service.DurationMinutes), s.End!.Value - s.Start.Value);
        });

        // A Slot is readable by its id while the time is free.
        var first = (await FhirApi.GetAsync(client, $"/fhir/Slot/{slots[0].Id}", token, Ct)).As<Slot>();
        Assert.Equal(slots[0].Start, first.Start);
        Assert.Contains("T", first.Start!.Value.ToString("O", CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // By service type alone: every clinician of the department, this one among them.
        var byService = (await FhirApi.GetAsync(client, $"/fhir/Slot?service-type={service.Id}&start=ge2026-11-24&start=lt2026-11-25&_count=200", token, Ct)).As<Bundle>();
        Assert.Contains(byService.Entries<Slot>(), s => s.Schedule.Reference == $"Schedule/{clinician.Id}");
        Assert.All(byService.Entries<Slot>(), s => Assert.Equal(service.Id.ToString(CultureInfo.InvariantCulture), s.ServiceType.Single().Coding.Single().Code));

        // Only free times exist: another status finds none.
        Assert.Equal(0, (await FhirApi.GetAsync(client, $"/fhir/Slot?schedule={clinician.Id}&status=busy", token, Ct)).As<Bundle>().Total);
        // A time that is not free (Sunday at 03:00) is not a Slot.
        Assert.Equal(HttpStatusCode.NotFound, (await FhirApi.GetAsync(client, $"/fhir/Slot/{clinician.Id}-{service.Id}-202611290800", token, Ct)).Status);
    }

    [Fact]
    public async Task EveryPatientReadIsAuditedNamingTheClient()
    {
        var (client, token) = await EhrAsync();
        var patient = await factory.WithDbAsync(db => db.Patients.Where(p => p.ReferenceNumber != null && p.Email != null).OrderBy(p => p.Id).FirstAsync(Ct));
        var demo = await factory.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == FhirApi.DemoClient).Select(c => c.Id).SingleAsync(Ct));
        Task<int> AuditedReads() => factory.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.ApiClientId == demo && a.PatientId == patient.Id && a.EntityType == "Patient" && a.Action == Core.Auditing.AuditAction.View && a.UserId == null, Ct));
        var before = await AuditedReads();

        var read = (await FhirApi.GetAsync(client, $"/fhir/Patient/{patient.Id}", token, Ct)).As<Patient>();
        Assert.Equal(patient.LastName, read.Name[0].Family);
        Assert.Equal(patient.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), read.BirthDate);
        Assert.Equal(patient.ReferenceNumber, read.Identifier.Single().Value);
        Assert.Contains(read.Telecom, t => t.System == ContactPoint.ContactPointSystem.Email && t.Value == patient.Email);
        Assert.Equal(before + 1, await AuditedReads());

        var byReference = (await FhirApi.GetAsync(client, $"/fhir/Patient?identifier={Uri.EscapeDataString(Web.Fhir.FhirDirectory.PatientReferenceSystem + "|" + patient.ReferenceNumber)}", token, Ct)).As<Bundle>();
        Assert.Equal(read.Id, Assert.Single(byReference.Entries<Patient>()).Id);
        Assert.Equal(before + 2, await AuditedReads());
        Assert.Equal(1, (await FhirApi.GetAsync(client, $"/fhir/Patient?_id={patient.Id}", token, Ct)).As<Bundle>().Total);

        // No match and a refused search read nobody, so nothing more is audited.
        Assert.Equal(0, (await FhirApi.GetAsync(client, "/fhir/Patient?identifier=P-999999999", token, Ct)).As<Bundle>().Total);
        Assert.Equal(HttpStatusCode.BadRequest, (await FhirApi.GetAsync(client, "/fhir/Patient", token, Ct)).Status);
        Assert.Equal(before + 3, await AuditedReads());
    }

    [Fact]
    public async Task AppointmentsAreFoundByPatientPractitionerDateAndStatusAndAudited()
    {
        var (client, token) = await EhrAsync();
        // The test clinic has an empty diary: two visits for one patient, on free times Availability offers, one then cancelled.
        var patientId = await factory.WithDbAsync(db => db.Patients.OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync(Ct));
        var (clinicianId, serviceId) = await factory.WithDbAsync(async db =>
        {
            var c = await db.StaffMembers.Where(s => s.IsClinician && s.IsActive).OrderBy(s => s.Id).FirstAsync(Ct);
            var s = await db.ClinicServices.Where(x => x.DepartmentId == c.DepartmentId && x.IsActive).OrderBy(x => x.Id).FirstAsync(Ct);
            return (c.Id, s.Id);
        });
        await factory.WithScopeAsync(async sp =>
        {
            var free = (await sp.GetRequiredService<PatientExperience.Core.Appointments.Availability>().SlotsAsync(serviceId, clinicianId, new DateOnly(2026, 11, 25), 1, Ct))
                .SelectMany(d => d.Slots).ToList();
            var db = sp.GetRequiredService<PatientExperience.Infrastructure.Data.AppDbContext>();
            var kept = new PatientExperience.Core.Appointments.Appointment(patientId, clinicianId, serviceId, free[0].Slot, PatientExperience.Core.Interactions.InteractionChannel.Web, TimeSpan.FromDays(1));
            var cancelled = new PatientExperience.Core.Appointments.Appointment(patientId, clinicianId, serviceId, free[^1].Slot, PatientExperience.Core.Interactions.InteractionChannel.Web, TimeSpan.FromDays(1));
            cancelled.Cancel("Feeling better", factory.Time.GetUtcNow().UtcDateTime);
            db.Appointments.AddRange(kept, cancelled);
            return await db.SaveChangesAsync(Ct);
        });
        var visits = await factory.WithDbAsync(db => db.Appointments.Where(a => a.PatientId == patientId).OrderBy(a => a.StartUtc).ThenBy(a => a.Id).ToListAsync(Ct));
        var demo = await factory.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == FhirApi.DemoClient).Select(c => c.Id).SingleAsync(Ct));
        Task<int> AuditedReads() => factory.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.ApiClientId == demo && a.PatientId == patientId && a.EntityType == "Appointment" && a.Action == Core.Auditing.AuditAction.View, Ct));
        var before = await AuditedReads();

        var all = (await FhirApi.GetAsync(client, $"/fhir/Appointment?patient=Patient/{patientId}&_count=200", token, Ct)).As<Bundle>();
        Assert.Equal(visits.Select(v => v.Id.ToString(CultureInfo.InvariantCulture)), all.Entries<Appointment>().Select(a => a.Id));
        Assert.Equal(before + visits.Count, await AuditedReads());
        var completed = visits.First(v => v.Status == PatientExperience.Core.Appointments.AppointmentStatus.Booked);
        var shown = all.Entries<Appointment>().Single(a => a.Id == completed.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Appointment.AppointmentStatus.Booked, shown.Status);
        Assert.Equal("Feeling better", all.Entries<Appointment>().Single(a => a.Status == Appointment.AppointmentStatus.Cancelled).CancelationReason?.Text);
        Assert.Equal(completed.StartUtc, shown.Start!.Value.UtcDateTime);
        Assert.Contains(shown.Participant, p => p.Actor?.Reference == $"Patient/{patientId}");
        Assert.Contains(shown.Participant, p => p.Actor?.Reference == $"Practitioner/{completed.ClinicianId}");

        var fulfilled = (await FhirApi.GetAsync(client, $"/fhir/Appointment?patient={patientId}&status=cancelled&_count=200", token, Ct)).As<Bundle>();
        Assert.Equal(1, fulfilled.Total);
        Assert.Equal(0, (await FhirApi.GetAsync(client, $"/fhir/Appointment?patient={patientId}&status=fulfilled", token, Ct)).As<Bundle>().Total);

        var day = DateOnly.FromDateTime(completed.StartUtc.AddHours(-5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var onDay = (await FhirApi.GetAsync(client, $"/fhir/Appointment?practitioner=Practitioner/{completed.ClinicianId}&date={day}&_count=200", token, Ct)).As<Bundle>();
        Assert.Contains(onDay.Entries<Appointment>(), a => a.Id == shown.Id);
        Assert.All(onDay.Entries<Appointment>(), a => Assert.Equal(day, a.Start!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        var read = (await FhirApi.GetAsync(client, $"/fhir/Appointment/{completed.Id}", token, Ct)).As<Appointment>();
        Assert.Equal(shown.Start, read.Start);
        // One audit entry per appointment of this patient answered, by every search and the read.
        var onDayOfPatient = onDay.Entries<Appointment>().Count(a => a.Participant.Any(p => p.Actor?.Reference == $"Patient/{patientId}"));
        Assert.Equal(before + visits.Count + fulfilled.Total!.Value + onDayOfPatient + 1, await AuditedReads());
    }

    [Fact]
    public async Task PagesFollowNextLinksUntilEveryMatchIsSeenOnce()
    {
        var (client, token) = await EhrAsync();
        var clinician = await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.IsClinician && s.IsActive).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct));

        var seen = new List<string>();
        string? next = $"/fhir/Slot?schedule=Schedule/{clinician}&start=ge2026-11-24&start=lt2026-11-26&_count=7";
        int? total = null;
        var pages = 0;
        while (next is not null)
        {
            var page = (await FhirApi.GetAsync(client, next, token, Ct)).As<Bundle>();
            total ??= page.Total;
            Assert.Equal(total, page.Total);
            Assert.True(page.Entry.Count <= 7);
            seen.AddRange(page.Entry.Select(e => e.Resource!.Id!));
            next = page.Link("next");
            pages++;
        }
        Assert.True(total > 7, $"Only {total} slots: paging was not exercised.");
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal((total!.Value + 6) / 7, pages);
    }

    [Theory]
    [InlineData("/fhir/Practitioner?family=Smith", 400, "Unknown search parameter 'family'")]
    [InlineData("/fhir/Slot?schedule=1&start=ge2026-11-24&start=lt2027-01-24", 400, "at most 31 days")]
    [InlineData("/fhir/Slot?schedule=1&start=tomorrow", 400, "is not a date")]
    [InlineData("/fhir/Slot?schedule=1&start=ap2026-11-24", 400, "Unsupported prefix")]
    [InlineData("/fhir/Slot?start=ge2026-11-24", 400, "Give schedule")]
    [InlineData("/fhir/Location?_count=0", 400, "_count must be")]
    [InlineData("/fhir/Location?_count=abc", 400, "_count must be")]
    [InlineData("/fhir/Location?name=a&name=b", 400, "Give 'name' once")]
    [InlineData("/fhir/Location?_format=xml", 400, "Only JSON")]
    [InlineData("/fhir/Location/999999", 404, "Location/999999 is not known")]
    [InlineData("/fhir/Location/abc", 404, "is not known")]
    [InlineData("/fhir/Slot/1-1-notatime", 404, "is not known")]
    [InlineData("/fhir/Slot/%20", 404, "is not known")]
    [InlineData("/fhir/Patient", 400, "Search patients by identifier")]
    [InlineData("/fhir/Appointment?date=ge2026-11-24", 400, "Search appointments by patient")]
    [InlineData("/fhir/Appointment?patient=1&date=soon", 400, "is not a date")]
    [InlineData("/fhir/Patient/999999", 404, "Patient/999999 is not known")]
    [InlineData("/fhir/Observation/1", 404, "not a resource type this server supports")]
    [InlineData("/fhir/Observation", 404, "not a resource type this server supports")]
    public async Task BadInputIsRefusedWithAnOperationOutcome(string url, int status, string message)
    {
        var (client, token) = await EhrAsync();

        var answer = await FhirApi.GetAsync(client, url, token, Ct);

        Assert.Equal((HttpStatusCode)status, answer.Status);
        Assert.Contains(message, answer.Diagnostics, StringComparison.Ordinal);
    }

    private static readonly string[] Names = ["_id", "identifier", "patient", "practitioner", "date", "name", "location", "actor", "schedule", "service-type", "start", "status", "_count", "_offset", "_format", "family", "", "start:missing", "_sort", "birthdate", "_lastUpdated", "_include", "authored", "questionnaire", "url", "version", "title"];

    private static readonly string[] Values =
    [
        "", " ", "1", "0", "-1", "2147483648", "99999999999999999999", "Schedule/1", "Practitioner/1", "Location/1", "Schedule/", "x|1", "|", "1,2,,3",
        "ge2026-11-24", "lt2026-11-25", "gt2026-11-24T09:00:00Z", "le2026-11-24T09:00:00+05:00", "eq2026-11-24", "ge9999-12-31", "lt0001-01-01",
        "ge2026-11-24T09:00:00 05:00", "2026-02-30", "2026-13-01", "ge1800-01-01", "lt2299-12-31", "ge2026-03-08T02:30:00", "geX", "ge", "g",
        "free", "busy", "fulfilled,noshow", "Patient/1", "Appointment:patient", "Questionnaire/1", "https://patientexperience.example/fhir/Questionnaire/1|1", "active", "json", "xml", "%00", "\0", "'; DROP TABLE Patients; --", "<script>alert(1)</script>", new string('9', 400), "😀", "../../etc/passwd",
    ];

    private static readonly Gen<string> Query = Gen.Select(Gen.OneOf<string>("Practitioner", "HealthcareService", "Location", "Schedule", "Slot", "Patient", "Appointment", "Questionnaire", "QuestionnaireResponse"),
        Gen.Select(Gen.OneOf<string>(Names), Gen.OneOf<string>(Values)).Array[0, 4],
        (type, parameters) => $"/fhir/{type}?" + string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}")));

    /// <summary>Property: any mix of parameter names and hostile values is answered with a valid resource, never a 5xx.</summary>
    [Fact]
    public async Task GarbageParametersNeverGiveA5xx()
    {
        var (client, token) = await EhrAsync();
        var tried = 0;
        await Query.SampleAsync(async url =>
        {
            tried++;
            var answer = await FhirApi.GetAsync(client, url, token, Ct);
            Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)answer.Status} for {url}");
            if (answer.Status == HttpStatusCode.OK)
                answer.As<Bundle>();
            else
                Assert.NotEmpty(answer.Diagnostics);
        }, iter: 150, threads: 1);
        Assert.Equal(150, tried);

        // Garbage ids too (a NUL cannot be sent in a path: the server refuses it before the portal sees it).
        foreach (var id in Values.Where(v => v.Length > 0 && !v.Contains('/', StringComparison.Ordinal) && !v.Contains('\0', StringComparison.Ordinal)))
        {
            var answer = await FhirApi.GetAsync(client, $"/fhir/Slot/{Uri.EscapeDataString(id)}", token, Ct);
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        }
    }
}
