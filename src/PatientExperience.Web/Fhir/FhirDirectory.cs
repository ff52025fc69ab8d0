using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Departments;

namespace PatientExperience.Web.Fhir;

/// <summary>
/// The adapter: reads the portal's records and turns them into FHIR R4 resources. Clinicians are Practitioners (and one
/// Schedule each), services HealthcareServices, departments Locations, and free times Slots found by
/// <see cref="Core.Appointments.Availability"/>, the code patients book with. Ids are the portal's row ids; a Slot's id is
/// clinician-service-start (UTC, yyyyMMddHHmm).
/// </summary>
public sealed class FhirDirectory(IAppDbContext db, Core.Appointments.Availability availability, ClinicClock clock)
{
    /// <summary>The code system of Slot and HealthcareService types: the portal's service ids.</summary>
    public const string ServiceSystem = "https://patientexperience.example/fhir/CodeSystem/service";

    /// <summary>Longest Slot search window.</summary>
    public const int MaxSlotDays = 31;

    /// <summary>Slot search window when no end is given.</summary>
    public const int DefaultSlotDays = 7;

    // ---- Practitioner -------------------------------------------------------------------------------------------

    public async Task<Resource?> PractitionerAsync(int id, CancellationToken ct) =>
        await Clinicians().Where(s => s.Id == id).FirstOrDefaultAsync(ct) is { } s ? Practitioner(s) : null;

    public async Task<FhirPage> PractitionersAsync(FhirQuery query, CancellationToken ct)
    {
        var ids = Ids(query);
        var name = query.One("name");
        var rows = (await Clinicians().OrderBy(s => s.Id).ToListAsync(ct))
            .Where(s => ids is null || ids.Contains(s.Id))
            .Where(s => Changed(query, s))
            .Where(s => name is null || NameMatches(name, s.FirstName, s.LastName, s.FullName));
        return Page(rows, query, Practitioner);
    }

    private IQueryable<StaffMember> Clinicians() => db.StaffMembers.AsNoTracking().Where(s => s.IsClinician);

    private static Practitioner Practitioner(StaffMember s)
    {
        var practitioner = new Practitioner
        {
            Id = Id(s.Id),
            Meta = Meta(s),
            Active = s.IsActive,
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = s.LastName, Given = [s.FirstName] }],
        };
        if (!string.IsNullOrWhiteSpace(s.JobTitle))
            practitioner.Qualification = [new Practitioner.QualificationComponent { Code = new CodeableConcept { Text = s.JobTitle } }];
        return practitioner;
    }

    // ---- Location (departments) -------------------------------------------------------------------------------

    public async Task<Resource?> LocationAsync(int id, CancellationToken ct) =>
        await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is { } d ? Location(d) : null;

    public async Task<FhirPage> LocationsAsync(FhirQuery query, CancellationToken ct)
    {
        var ids = Ids(query);
        var name = query.One("name");
        var rows = (await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct))
            .Where(d => ids is null || ids.Contains(d.Id))
            .Where(d => Changed(query, d))
            .Where(d => name is null || NameMatches(name, d.Name));
        return Page(rows, query, Location);
    }

    private static Location Location(Department d)
    {
        var location = new Location
        {
            Id = Id(d.Id),
            Meta = Meta(d),
            Status = d.IsActive ? Hl7.Fhir.Model.Location.LocationStatus.Active : Hl7.Fhir.Model.Location.LocationStatus.Inactive,
            Name = d.Name,
            Mode = Hl7.Fhir.Model.Location.LocationMode.Instance,
        };
        if (d.Description is not null)
            location.Description = d.Description;
        if (d.Phone is not null)
            location.Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, d.Phone)];
        if (d.Address is not null)
        {
            var lines = d.Address.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            location.Address = new Address { Use = Address.AddressUse.Work, Type = Address.AddressType.Physical, Text = string.Join(", ", lines), Line = lines };
        }
        return location;
    }

    // ---- HealthcareService (services) --------------------------------------------------------------------------

    public async Task<Resource?> HealthcareServiceAsync(int id, CancellationToken ct) =>
        await db.ClinicServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? HealthcareService(s) : null;

    public async Task<FhirPage> HealthcareServicesAsync(FhirQuery query, CancellationToken ct)
    {
        var ids = Ids(query);
        var name = query.One("name");
        var location = query.One("location");
        var locationId = location is null ? null : FhirQuery.ReferenceId(location, "Location");
        var rows = (await db.ClinicServices.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct))
            .Where(s => ids is null || ids.Contains(s.Id))
            .Where(s => Changed(query, s))
            .Where(s => name is null || NameMatches(name, s.Name))
            .Where(s => location is null || s.DepartmentId == locationId);
        return Page(rows, query, HealthcareService);
    }

    private static HealthcareService HealthcareService(ClinicService s)
    {
        var service = new HealthcareService
        {
            Id = Id(s.Id),
            Meta = Meta(s),
            Active = s.IsActive,
            Name = s.Name,
            Type = [ServiceType(s)],
            Location = [new ResourceReference($"Location/{Id(s.DepartmentId)}")],
        };
        if (s.Description is not null)
            service.Comment = s.Description;
        return service;
    }

    private static CodeableConcept ServiceType(ClinicService s) => new(ServiceSystem, Id(s.Id), s.Name, s.Name);

    // ---- Schedule (one per clinician) ----------------------------------------------------------------------------

    public async Task<Resource?> ScheduleAsync(int id, CancellationToken ct) =>
        await Clinicians().Where(s => s.Id == id).FirstOrDefaultAsync(ct) is { } s ? Schedule(s) : null;

    public async Task<FhirPage> SchedulesAsync(FhirQuery query, CancellationToken ct)
    {
        var ids = Ids(query);
        var actor = query.One("actor");
        var actorId = actor is null ? null : FhirQuery.ReferenceId(actor, "Practitioner");
        var rows = (await Clinicians().OrderBy(s => s.Id).ToListAsync(ct))
            .Where(s => ids is null || ids.Contains(s.Id))
            .Where(s => Changed(query, s))
            .Where(s => actor is null || s.Id == actorId);
        return Page(rows, query, Schedule);
    }

    private static Schedule Schedule(StaffMember s)
    {
        List<ResourceReference> actors = [new ResourceReference($"Practitioner/{Id(s.Id)}", s.FullName)];
        if (s.DepartmentId is { } department)
            actors.Add(new ResourceReference($"Location/{Id(department)}"));
        return new Schedule
        {
            Id = Id(s.Id),
            Meta = Meta(s),
            Active = s.IsActive,
            Actor = actors,
            Comment = $"Free times of {s.FullName}: search Slot?schedule=Schedule/{Id(s.Id)}",
        };
    }

    // ---- Slot (free times, from Availability) -------------------------------------------------------------------

    /// <summary>A Slot by id: only while that time is still free for that clinician and service.</summary>
    public async Task<Resource?> SlotAsync(string id, CancellationToken ct)
    {
        var parts = id.Split('-');
        if (parts.Length != 3 || FhirQuery.Id(parts[0]) is not { } clinicianId || FhirQuery.Id(parts[1]) is not { } serviceId
            || !DateTime.TryParseExact(parts[2], "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var startUtc)
            || !SaneDates.Contains(startUtc))
            return null;
        var clinician = await Clinicians().FirstOrDefaultAsync(s => s.Id == clinicianId, ct);
        var service = await db.ClinicServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, ct);
        if (clinician is null || service is null)
            return null;
        var day = DateOnly.FromDateTime(clock.ToLocal(startUtc));
        var days = await availability.SlotsAsync(serviceId, clinicianId, day, 1, ct);
        var slot = days.SelectMany(d => d.Slots).FirstOrDefault(s => s.StartUtc == startUtc);
        return slot is null ? null : Slot(clinician, service, slot.Slot);
    }

    /// <summary>Free Slots for a schedule (clinician) and/or a service type, in [start ge, start lt), at most <see cref="MaxSlotDays"/> days.</summary>
    public async Task<(FhirPage? Page, string? Error)> SlotsAsync(FhirQuery query, CancellationToken ct)
    {
        var schedule = query.One("schedule");
        var serviceType = query.One("service-type");
        if (schedule is null && serviceType is null)
            return (null, "Give schedule (Schedule/{id}) or service-type (a HealthcareService id), or both.");
        var (from, to, error) = FhirQuery.Range(query.All("start"), clock.Zone);
        if (error is not null)
            return (null, error);
        var now = clock.UtcNow;
        var lower = from ?? now;
        var upper = to ?? lower.AddDays(DefaultSlotDays);
        if (upper - lower > TimeSpan.FromDays(MaxSlotDays))
            return (null, $"Search at most {MaxSlotDays} days of slots at once (start=ge…&start=lt…).");
        var status = query.One("status");
        if (status is not null && status != "free")
            return (new FhirPage([], 0), null);

        var clinicianId = schedule is null ? null : FhirQuery.ReferenceId(schedule, "Schedule");
        var serviceId = serviceType is null ? null : FhirQuery.Id(FhirQuery.Code(serviceType));
        if ((schedule is not null && clinicianId is null) || (serviceType is not null && serviceId is null))
            return (new FhirPage([], 0), null);

        var clinicians = await Clinicians().Where(s => s.IsActive && (clinicianId == null || s.Id == clinicianId)).ToListAsync(ct);
        var places = await PlacesAsync(clinicians, ct);
        var departments = places.Select(p => p.DepartmentId).ToHashSet();
        var services = await db.ClinicServices.AsNoTracking()
            .Where(s => s.IsActive && (serviceId == null || s.Id == serviceId)).ToListAsync(ct);
        services = [.. services.Where(s => departments.Contains(s.DepartmentId))];

        var start = lower < now ? now : lower;
        var found = new List<(StaffMember Clinician, ClinicService Service, Core.Appointments.Slot Slot)>();
        if (start < upper)
        {
            var fromDate = DateOnly.FromDateTime(clock.ToLocal(start));
            var toDate = DateOnly.FromDateTime(clock.ToLocal(upper.AddTicks(-1)));
            var days = toDate.DayNumber - fromDate.DayNumber + 1;
            foreach (var service in services)
            {
                foreach (var clinician in clinicians.Where(c => places.Contains(new Core.Appointments.ClinicianPlace(c.Id, service.DepartmentId))))
                {
                    var free = await availability.SlotsAsync(service.Id, clinician.Id, fromDate, days, ct);
                    found.AddRange(free.SelectMany(d => d.Slots)
                        .Where(s => s.StartUtc >= lower && s.StartUtc < upper)
                        .Select(s => (clinician, service, s.Slot)));
                }
            }
        }
        var ordered = found.OrderBy(f => f.Slot.StartUtc).ThenBy(f => f.Clinician.Id).ThenBy(f => f.Service.Id);
        return (Page(ordered, query, f => Slot(f.Clinician, f.Service, f.Slot)), null);
    }

    /// <summary>Where each clinician can be booked: their own department and those they visit (hours worked there).</summary>
    private async Task<HashSet<Core.Appointments.ClinicianPlace>> PlacesAsync(IReadOnlyList<StaffMember> clinicians, CancellationToken ct)
    {
        var ids = clinicians.Select(c => c.Id).ToList();
        var visiting = await db.WorkingHours.AsNoTracking().Where(w => w.DepartmentId != null && ids.Contains(w.StaffMemberId))
            .Select(w => new { w.StaffMemberId, DepartmentId = w.DepartmentId!.Value }).Distinct().ToListAsync(ct);
        return [.. clinicians.Where(c => c.DepartmentId is not null).Select(c => new Core.Appointments.ClinicianPlace(c.Id, c.DepartmentId!.Value))
            .Concat(visiting.Select(v => new Core.Appointments.ClinicianPlace(v.StaffMemberId, v.DepartmentId)))];
    }

    private Slot Slot(StaffMember clinician, ClinicService service, Core.Appointments.Slot slot) => new()
    {
        Id = FormattableString.Invariant($"{clinician.Id}-{service.Id}-{slot.StartUtc:yyyyMMddHHmm}"),
        // A free time is worked out when asked, so it has no time of its own: the later change of its clinician or service.
        Meta = new Meta { LastUpdated = Later(LastUpdated(clinician), LastUpdated(service)) },
        Schedule = new ResourceReference($"Schedule/{Id(clinician.Id)}", clinician.FullName),
        ServiceType = [ServiceType(service)],
        Status = Hl7.Fhir.Model.Slot.SlotStatus.Free,
        Start = Instant(slot.StartUtc),
        End = Instant(slot.EndUtc),
    };

    // ---- Patient ------------------------------------------------------------------------------------------------

    /// <summary>The identifier system of the portal's patient reference (P-000123).</summary>
    public const string PatientReferenceSystem = "https://patientexperience.example/fhir/NamingSystem/patient-reference";

    public async Task<Resource?> PatientAsync(int id, CancellationToken ct) =>
        await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } p ? Patient(p) : null;

    /// <summary>
    /// Patients by <c>_id</c>, <c>identifier</c> (the reference), or <c>family</c> with <c>birthdate</c> together: one of
    /// them is needed, so nobody pulls every patient by accident.
    /// </summary>
    public async Task<(FhirPage? Page, string? Error)> PatientsAsync(FhirQuery query, CancellationToken ct)
    {
        var ids = Ids(query);
        var identifier = query.One("identifier");
        var family = query.One("family")?.Trim().ToLowerInvariant();
        var birthdate = query.One("birthdate");
        if (ids is null && identifier is null && (string.IsNullOrEmpty(family) || birthdate is null))
            return (null, "Search patients by identifier (their reference, such as P-000123), by _id, or by family and birthdate together.");
        DateOnly? born = null;
        if (birthdate is not null)
        {
            if (!DateOnly.TryParseExact(birthdate.StartsWith("eq", StringComparison.Ordinal) ? birthdate[2..] : birthdate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || !SaneDates.Contains(day))
                return (null, "birthdate is a date such as 1980-01-31.");
            born = day;
        }
        var reference = identifier is null ? null : FhirQuery.Code(identifier).Trim();
        var patients = db.Patients.AsNoTracking();
        if (ids is not null)
            patients = patients.Where(p => ids.Contains(p.Id));
        if (reference is not null)
            patients = patients.Where(p => p.ReferenceNumber == reference);
        if (!string.IsNullOrEmpty(family))
            patients = patients.Where(p => p.LastName.ToLower().StartsWith(family));
        if (born is { } date)
            patients = patients.Where(p => p.DateOfBirth == date);
        patients = ChangedIn(patients, query);
        var total = await patients.CountAsync(ct);
        var rows = await patients.OrderBy(p => p.Id).Skip(query.Offset).Take(query.Count).ToListAsync(ct);
        return (new FhirPage([.. rows.Select(Patient)], total), null);
    }

    private static Patient Patient(Core.Patients.Patient p)
    {
        var patient = new Patient
        {
            Id = Id(p.Id),
            Meta = Meta(p),
            Active = true,
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = p.LastName, Given = [p.FirstName] }],
            BirthDate = p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (p.ReferenceNumber is not null)
            patient.Identifier = [new Identifier(PatientReferenceSystem, p.ReferenceNumber) { Use = Identifier.IdentifierUse.Usual }];
        if (!string.IsNullOrWhiteSpace(p.Phone))
            patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Home, p.Phone));
        if (!string.IsNullOrWhiteSpace(p.Email))
            patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Home, p.Email));
        return patient;
    }

    // ---- Appointment ---------------------------------------------------------------------------------------------

    /// <summary>The portal's visit steps as FHIR appointment statuses (in the room is still arrived).</summary>
    private static readonly Dictionary<Core.Appointments.AppointmentStatus, Appointment.AppointmentStatus> Statuses = new()
    {
        [Core.Appointments.AppointmentStatus.Booked] = Hl7.Fhir.Model.Appointment.AppointmentStatus.Booked,
        [Core.Appointments.AppointmentStatus.Arrived] = Hl7.Fhir.Model.Appointment.AppointmentStatus.Arrived,
        [Core.Appointments.AppointmentStatus.InRoom] = Hl7.Fhir.Model.Appointment.AppointmentStatus.Arrived,
        [Core.Appointments.AppointmentStatus.Completed] = Hl7.Fhir.Model.Appointment.AppointmentStatus.Fulfilled,
        [Core.Appointments.AppointmentStatus.NoShow] = Hl7.Fhir.Model.Appointment.AppointmentStatus.Noshow,
        [Core.Appointments.AppointmentStatus.Cancelled] = Hl7.Fhir.Model.Appointment.AppointmentStatus.Cancelled,
    };

    public async Task<Resource?> AppointmentAsync(int id, CancellationToken ct) =>
        await Appointments().FirstOrDefaultAsync(a => a.Id == id, ct) is { } a ? Appointment(a) : null;

    /// <summary>Appointments of a patient or a clinician (one is needed), by <c>date</c> and <c>status</c>, paged in the database.</summary>
    public async Task<(FhirPage? Page, string? Error)> AppointmentsAsync(FhirQuery query, CancellationToken ct)
    {
        var patient = query.One("patient");
        var practitioner = query.One("practitioner");
        if (patient is null && practitioner is null)
            return (null, "Search appointments by patient (Patient/{id}) or practitioner (Practitioner/{id}), or both.");
        var (from, to, error) = FhirQuery.Range(query.All("date"), clock.Zone, "date");
        if (error is not null)
            return (null, error);
        List<Core.Appointments.AppointmentStatus>? statuses = null;
        if (query.One("status") is { } status)
        {
            var codes = status.Split(',');
            statuses = [.. Statuses.Where(s => codes.Contains(Hl7.Fhir.Utility.EnumUtility.GetLiteral(s.Value))).Select(s => s.Key)];
        }
        var patientId = patient is null ? null : FhirQuery.ReferenceId(patient, "Patient");
        var clinicianId = practitioner is null ? null : FhirQuery.ReferenceId(practitioner, "Practitioner");
        if ((patient is not null && patientId is null) || (practitioner is not null && clinicianId is null))
            return (new FhirPage([], 0), null);
        var rows = Appointments();
        if (patientId is not null)
            rows = rows.Where(a => a.PatientId == patientId);
        if (clinicianId is not null)
            rows = rows.Where(a => a.ClinicianId == clinicianId);
        if (from is { } lower)
            rows = rows.Where(a => a.StartUtc >= lower);
        if (to is { } upper)
            rows = rows.Where(a => a.StartUtc < upper);
        if (statuses is not null)
            rows = rows.Where(a => statuses.Contains(a.Status));
        rows = ChangedIn(rows, query);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(a => a.StartUtc).ThenBy(a => a.Id).Skip(query.Offset).Take(query.Count).ToListAsync(ct);
        // _include=Appointment:patient: each patient of this page once, after the matches.
        IReadOnlyList<Resource> included = query.One("_include") == IncludePatient
            ? [.. page.Select(a => a.Patient).OfType<Core.Patients.Patient>().DistinctBy(p => p.Id).OrderBy(p => p.Id).Select(Patient)]
            : [];
        return (new FhirPage([.. page.Select(Appointment)], total, included), null);
    }

    /// <summary>
    /// One keyset page of the appointments last changed in [since, until], after the id <paramref name="afterId"/>, in
    /// id order: what the bulk export reads, a page at a time.
    /// </summary>
    public async Task<IReadOnlyList<Resource>> AppointmentsChangedAsync(DateTime? since, DateTime until, int afterId, int count, CancellationToken ct)
    {
        var rows = Appointments().Where(a => a.Id > afterId && (a.ModifiedAtUtc ?? a.CreatedAtUtc) <= until);
        if (since is { } lower)
            rows = rows.Where(a => (a.ModifiedAtUtc ?? a.CreatedAtUtc) >= lower);
        var page = await rows.OrderBy(a => a.Id).Take(count).ToListAsync(ct);
        return [.. page.Select(Appointment)];
    }

    private IQueryable<Core.Appointments.Appointment> Appointments() =>
        db.Appointments.AsNoTracking().Include(a => a.Service).Include(a => a.Clinician).Include(a => a.Patient);

    private Appointment Appointment(Core.Appointments.Appointment a)
    {
        var appointment = new Appointment
        {
            Id = Id(a.Id),
            Meta = Meta(a),
            Status = Statuses[a.Status],
            Start = Instant(a.StartUtc),
            End = Instant(a.EndUtc),
            MinutesDuration = (int)(a.EndUtc - a.StartUtc).TotalMinutes,
            Created = Instant(a.CreatedAtUtc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            Participant =
            [
                new Appointment.ParticipantComponent { Actor = new ResourceReference($"Patient/{Id(a.PatientId)}", a.Patient?.FullName), Status = ParticipationStatus.Accepted },
                new Appointment.ParticipantComponent { Actor = new ResourceReference($"Practitioner/{Id(a.ClinicianId)}", a.Clinician?.FullName), Status = ParticipationStatus.Accepted },
            ],
        };
        if (a.Service is { } service)
        {
            appointment.ServiceType = [ServiceType(service)];
            appointment.Participant.Add(new Appointment.ParticipantComponent { Actor = new ResourceReference($"Location/{Id(service.DepartmentId)}"), Status = ParticipationStatus.Accepted });
        }
        if (a.CancellationReason is not null)
            appointment.CancelationReason = new CodeableConcept { Text = a.CancellationReason };
        return appointment;
    }

    // ---- shared -------------------------------------------------------------------------------------------------

    public DateTime UtcNow => clock.UtcNow;

    public TimeZoneInfo Zone => clock.Zone;

    /// <summary>The one <c>_include</c> served: an Appointment's patient.</summary>
    public const string IncludePatient = "Appointment:patient";

    /// <summary>Whether a record's last change (<c>meta.lastUpdated</c>) is inside the <c>_lastUpdated</c> range.</summary>
    private bool Changed(FhirQuery query, AuditableEntity e)
    {
        var (from, to, _) = FhirQuery.Range(query.All("_lastUpdated"), clock.Zone, "_lastUpdated");
        var changed = e.ModifiedAtUtc ?? e.CreatedAtUtc;
        return (from is null || changed >= from) && (to is null || changed < to);
    }

    /// <summary>The <c>_lastUpdated</c> range as a database filter.</summary>
    private IQueryable<T> ChangedIn<T>(IQueryable<T> rows, FhirQuery query) where T : AuditableEntity
    {
        var (from, to, _) = FhirQuery.Range(query.All("_lastUpdated"), clock.Zone, "_lastUpdated");
        // Written without ?? so each side compares a plain column (and can use its index).
        if (from is { } lower)
            rows = rows.Where(e => e.ModifiedAtUtc >= lower || (e.ModifiedAtUtc == null && e.CreatedAtUtc >= lower));
        if (to is { } upper)
            rows = rows.Where(e => e.ModifiedAtUtc < upper || (e.ModifiedAtUtc == null && e.CreatedAtUtc < upper));
        return rows;
    }

    /// <summary>An instant with the clinic's offset at that moment (2026-12-08T09:00:00-05:00).</summary>
    public DateTimeOffset Instant(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(clock.Zone.GetUtcOffset(utc));

    private static FhirPage Page<T>(IEnumerable<T> rows, FhirQuery query, Func<T, Resource> map)
    {
        var all = rows.ToList();
        return new FhirPage([.. all.Skip(query.Offset).Take(query.Count).Select(map)], all.Count);
    }

    private static HashSet<int>? Ids(FhirQuery query) =>
        query.One("_id") is { } ids ? [.. ids.Split(',').Select(FhirQuery.Id).OfType<int>()] : null;

    /// <summary>FHIR string search: any part of the name starts with the value, ignoring case.</summary>
    private static bool NameMatches(string value, params string[] names) =>
        names.Any(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries).Prepend(n).Any(part => part.StartsWith(value.Trim(), StringComparison.OrdinalIgnoreCase)));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The last change of a record, or its creation when it never changed.</summary>
    private static DateTimeOffset LastUpdated(AuditableEntity e) => new(e.ModifiedAtUtc ?? e.CreatedAtUtc, TimeSpan.Zero);

    private static Meta Meta(AuditableEntity e) => new() { LastUpdated = LastUpdated(e) };

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
