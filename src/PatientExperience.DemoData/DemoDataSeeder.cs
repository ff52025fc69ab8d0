using System.Diagnostics;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Sites;
using PatientExperience.Core.Staff;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.Infrastructure.Seeding;

namespace PatientExperience.DemoData;

/// <summary>
/// Fills an empty database with a small, believable clinic: departments and services, staff with
/// working hours, demo logins (all with <see cref="DemoDataOptions.DemoPassword"/>), patients and
/// their timelines, and (for clinics of <see cref="MinPatientsForAppointments"/> patients or more) two years
/// of past appointments and the next three weeks of bookings. Deterministic for a given
/// <see cref="DemoDataOptions.Seed"/>; dates are relative to "now". Does nothing once any department exists.
/// </summary>
public sealed partial class DemoDataSeeder(
    AppDbContext db,
    DatabaseDialect dialect,
    TimeProvider time,
    ClinicClock clock,
    TimeText times,
    IOptions<DemoDataOptions> options,
    ILogger<DemoDataSeeder> logger) : IDemoDataSeeder
{
    public const string PatientEmail = "patient@demo.test";
    public const string FrontDeskEmail = "frontdesk@demo.test";
    public const string ClinicianEmail = "clinician@demo.test";
    public const string ManagerEmail = "manager@demo.test";
    public const string AdminEmail = "admin@demo.test";
    private const string StaffEmailDomain = "riverside.test";
    private const int HistoryDays = 180;
    private const int ChildUntilYears = 16;

    private sealed record DepartmentSeed(string Name, string Description, string Phone, (string Name, int Minutes, string Description)[] Services);

    private static readonly DepartmentSeed[] DepartmentSeeds =
    [
        new("Family Medicine", "Everyday care for all ages: check-ups, long-term conditions, vaccinations and referrals.", "+1 555 010 0110",
        [
            ("New patient consultation", 30, "A first visit to get to know you and your health history."),
            ("Follow-up appointment", 15, "A short review after a previous visit or test."),
            ("Annual physical", 40, "A yearly check of your general health."),
            ("Vaccination", 10, "Flu, tetanus, travel and other routine vaccines."),
            ("Long-term condition review", 20, "A regular review of diabetes, asthma, blood pressure or similar."),
        ]),
        new("Cardiology", "Assessment and care for heart and circulation problems.", "+1 555 010 0120",
        [
            ("Cardiology consultation", 45, "An assessment with a heart specialist, usually after a referral."),
            ("ECG", 20, "A recording of the heart's electrical activity."),
            ("Echocardiogram", 45, "An ultrasound scan of the heart."),
            ("Blood pressure review", 15, "A check of blood pressure and medication."),
        ]),
        new("Dermatology", "Diagnosis and treatment of skin, hair and nail conditions.", "+1 555 010 0130",
        [
            ("Skin check", 20, "A check of moles and skin changes."),
            ("Dermatology consultation", 30, "An assessment of a skin, hair or nail problem."),
            ("Minor skin procedure", 45, "Removal or biopsy of a small skin lesion."),
        ]),
        new("Orthopedics", "Care for bones, joints, muscles and sports injuries.", "+1 555 010 0140",
        [
            ("Orthopedic consultation", 30, "An assessment of a joint, bone or back problem."),
            ("Fracture clinic follow-up", 15, "A review of a healing fracture."),
            ("Joint injection", 20, "A steroid or other injection into a joint."),
        ]),
        new("Pediatrics", "Health care for babies, children and teenagers.", "+1 555 010 0150",
        [
            ("Well-child check", 30, "Growth, development and general health check."),
            ("Childhood immunizations", 15, "Routine vaccines on the childhood schedule."),
            ("Pediatric consultation", 30, "An assessment of a child's health concern."),
        ]),
        new("Women's Health", "Screening, contraception, pregnancy and menopause care.", "+1 555 010 0160",
        [
            ("Cervical screening", 20, "A routine screening test."),
            ("Contraception consultation", 20, "Advice and options for contraception."),
            ("Antenatal appointment", 30, "A routine check during pregnancy."),
            ("Menopause consultation", 30, "Advice and treatment for menopause symptoms."),
        ]),
        new("Physiotherapy", "Assessment and rehabilitation to help you move well again.", "+1 555 010 0170",
        [
            ("Physiotherapy assessment", 60, "A first assessment and treatment plan."),
            ("Physiotherapy follow-up", 30, "A treatment session following your plan."),
            ("Sports injury rehabilitation", 45, "Guided exercise to recover from a sports injury."),
        ]),
    ];

    /// <summary>The clinicians: department (index into <see cref="DepartmentSeeds"/>) and job title. The first is the demo clinician.</summary>
    private static readonly (int Department, string JobTitle)[] ClinicianSeeds =
    [
        (0, "Family physician"),
        (0, "Family physician"),
        (0, "Family physician"),
        (0, "Nurse practitioner"),
        (1, "Cardiologist"),
        (1, "Cardiac nurse specialist"),
        (2, "Dermatologist"),
        (2, "Dermatology nurse practitioner"),
        (3, "Orthopedic surgeon"),
        (3, "Sports medicine physician"),
        (4, "Pediatrician"),
        (4, "Pediatric nurse practitioner"),
        (5, "Obstetrician-gynecologist"),
        (5, "Midwife"),
        (6, "Physiotherapist"),
    ];

    private static readonly string[] Languages = ["en", "es", "zh-Hans"];
    private static readonly float[] LanguageWeights = [0.86f, 0.09f, 0.05f];

    private static readonly string[] SpanishFirstNames =
        ["María", "José", "Lucía", "Carlos", "Sofía", "Juan", "Valentina", "Diego", "Camila", "Alejandro", "Isabel", "Mateo"];
    private static readonly string[] SpanishLastNames =
        ["García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Rivera"];
    private static readonly string[] ChineseFirstNames =
        ["Wei", "Fang", "Min", "Jing", "Lei", "Xiu Ying", "Hao", "Li Na", "Jun", "Yan", "Chen", "Mei"];
    private static readonly string[] ChineseLastNames =
        ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun"];

    private static readonly string[] CallSummaries =
    [
        "Called to ask about test results",
        "Called to ask about opening hours",
        "Called about a repeat prescription",
        "Called to update contact details",
        "Returned a missed call from the clinic",
        "Called to ask about a referral",
    ];

    private static readonly string[] EmailSummaries =
    [
        "Emailed to ask for a copy of an appointment letter",
        "Emailed a question about a referral",
        "Emailed to ask about parking at the clinic",
        "Emailed to update their address",
    ];

    private static readonly string[] PortalMessageSummaries =
    [
        "Sent a portal message about an upcoming appointment",
        "Sent a portal message asking about test results",
        "Sent a portal message about a repeat prescription",
    ];

    private static readonly string[] ComplaintSummaries =
    [
        "Raised a concern about waiting times",
        "Raised a concern about getting through on the phone",
        "Raised a concern about a cancelled appointment",
    ];

    private static readonly string[] LetterSummaries =
    [
        "Posted an appointment reminder letter",
        "Posted a letter with test results to discuss",
        "Posted an invitation for a routine check",
    ];

    private enum Template
    {
        PhoneCall, PhoneBooking, WebBooking, PhoneChange, WebChange, PhoneCancel, WebCancel,
        Visit, EmailMessage, PortalMessage, Survey, Complaint, Letter, ClinicianCall,
    }

    private static readonly Template[] Templates = Enum.GetValues<Template>();

    private static readonly float[] TemplateWeights =
    [
        0.12f, 0.10f, 0.10f, 0.04f, 0.05f, 0.03f, 0.03f,
        0.22f, 0.06f, 0.07f, 0.07f, 0.02f, 0.04f, 0.05f,
    ];

    /// <returns>True when it seeded a fresh database; false when the clinic was already there.</returns>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Departments.AnyAsync(cancellationToken))
        {
            LogSkipped(logger);
            return false;
        }

        var stopwatch = Stopwatch.StartNew();
        var roleIds = await db.Roles
            .Where(r => r.Name != null)
            .ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        foreach (var role in Roles.All)
        {
            if (!roleIds.ContainsKey(role))
                throw new InvalidOperationException($"Role '{role}' is missing; run RoleSeeder first.");
        }

        var settings = options.Value;
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(nowUtc);
        var passwordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), DemoDataOptions.DemoPassword);

        var strategy = db.Database.CreateExecutionStrategy();
        var counts = await strategy.ExecuteAsync(async ct =>
        {
            // A retry starts over from a clean tracker and the same seed, so it produces the same data.
            db.ChangeTracker.Clear();
            var faker = new Faker("en") { Random = new Randomizer(settings.Seed) };
            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await SeedCoreAsync(faker, settings, roleIds, passwordHash, nowUtc, today, ct);
                // The demo EHR: every scope, for a year (docs/fhir.md).
                db.ApiClients.Add(new Core.ApiClients.ApiClient(DemoDataOptions.DemoApiClientId, "Demo EHR", Core.ApiClients.ApiScopes.All,
                    DemoDataOptions.DemoPassword, nowUtc.AddYears(1)));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
                db.ChangeTracker.Clear();
            }
        }, cancellationToken);

        LogSeeded(logger, counts.Departments, counts.Services, counts.Staff, counts.Clinicians, counts.WorkingHours,
            counts.Patients, counts.Interactions, counts.Users, stopwatch.ElapsedMilliseconds);
        LogSeededAppointments(logger, counts.Appointments.Past, counts.Appointments.Completed, counts.Appointments.NoShows,
            counts.Appointments.Cancelled, counts.Appointments.Upcoming, counts.Appointments.TimeCells);
        return true;
    }

    private sealed record SeedCounts(int Departments, int Services, int Staff, int Clinicians, int WorkingHours, int Patients, int Interactions, int Users,
        AppointmentCounts Appointments);

    private async Task<SeedCounts> SeedCoreAsync(
        Faker faker, DemoDataOptions settings, Dictionary<string, string> roleIds, string passwordHash,
        DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        // 1. Departments and logins (no dependencies between them). Every department is at the first site, which the
        // start-up made from the Clinic settings (Data/FirstSite).
        var firstSite = await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(ct);
        var departments = DepartmentSeeds.Select((d, i) =>
        {
            var department = new Department(d.Name, d.Description, d.Phone, firstSite);
            // One building on Riverside Drive, a floor per department; what to bring is the same everywhere in the demo.
            department.SetVisitInfo($"410 Riverside Drive, floor {i + 1}\nNew York, NY 10025", DemoTranslations.Directions, DemoTranslations.WhatToBring);
            return department;
        }).ToList();
        db.Departments.AddRange(departments);
        db.NameTranslations.AddRange(DemoTranslations.All(nowUtc));

        var users = new List<ApplicationUser>();
        ApplicationUser AddUser(string email, string role)
        {
            var user = new ApplicationUser
            {
                Id = Guid.NewGuid().ToString(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                LockoutEnabled = true,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            users.Add(user);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[role] });
            return user;
        }

        var patientUser = AddUser(PatientEmail, Roles.Patient);
        var frontDeskUser = AddUser(FrontDeskEmail, Roles.FrontDesk);
        var managerUser = AddUser(ManagerEmail, Roles.Manager);
        var adminUser = AddUser(AdminEmail, Roles.Admin);

        // Clinician names and logins; the first is the demo clinician.
        var usedStaffEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { PatientEmail, FrontDeskEmail, ManagerEmail, AdminEmail, ClinicianEmail };
        var clinicianPeople = new List<(string First, string Last, string Email, ApplicationUser User)>();
        for (var i = 0; i < ClinicianSeeds.Length; i++)
        {
            string first, last, email;
            if (i == 0)
            {
                (first, last, email) = ("Sam", "Okafor", ClinicianEmail);
            }
            else
            {
                do
                {
                    var gender = faker.PickRandom<Bogus.DataSets.Name.Gender>();
                    first = faker.Name.FirstName(gender);
                    last = faker.Name.LastName(gender);
                    email = $"{EmailPart(first)}.{EmailPart(last)}@{StaffEmailDomain}";
                }
                while (!usedStaffEmails.Add(email));
            }
            clinicianPeople.Add((first, last, email, AddUser(email, Roles.Clinician)));
        }

        await SaveAsync(ct);

        // 2. Services, staff and patients.
        var services = new List<ClinicService>();
        var servicesByDepartment = new List<ClinicService>[departments.Count];
        for (var d = 0; d < departments.Count; d++)
        {
            servicesByDepartment[d] = DepartmentSeeds[d].Services
                .Select(s => new ClinicService(departments[d].Id, s.Name, s.Minutes, s.Description))
                .ToList();
            services.AddRange(servicesByDepartment[d]);
        }
        db.ClinicServices.AddRange(services);

        var familyMedicine = departments[0];
        var frontDesk = new StaffMember(frontDeskUser.Id, "Jamie", "Collins", FrontDeskEmail, "Receptionist", familyMedicine.Id, isClinician: false);
        var manager = new StaffMember(managerUser.Id, "Priya", "Shah", ManagerEmail, "Practice manager", familyMedicine.Id, isClinician: false);
        var admin = new StaffMember(adminUser.Id, "Chris", "Novak", AdminEmail, "System administrator", departmentId: null, isClinician: false);
        var clinicians = new List<(StaffMember Staff, int Department)>();
        for (var i = 0; i < ClinicianSeeds.Length; i++)
        {
            var (first, last, email, user) = clinicianPeople[i];
            var (department, jobTitle) = ClinicianSeeds[i];
            clinicians.Add((new StaffMember(user.Id, first, last, email, jobTitle, departments[department].Id, isClinician: true), department));
        }
        List<StaffMember> staff = [.. clinicians.Select(c => c.Staff), frontDesk, manager, admin];
        db.StaffMembers.AddRange(staff);

        var patients = CreatePatients(faker, settings.Patients, today);
        patients[0].LinkLogin(patientUser.Id);
        db.Patients.AddRange(patients);

        await SaveAsync(ct);

        // 3. References, working hours and timelines.
        foreach (var patient in patients)
            patient.AssignReference();

        var hours = new List<WorkingHours>();
        for (var i = 0; i < clinicians.Count; i++)
            hours.AddRange(CreateWorkingHours(faker, clinicians[i].Staff.Id, demoClinician: i == 0));
        db.WorkingHours.AddRange(hours);

        // Children are seen in Pediatrics and never in Women's Health; adults the other way round.
        var pediatrics = Array.FindIndex(DepartmentSeeds, d => d.Name == "Pediatrics");
        var womensHealth = Array.FindIndex(DepartmentSeeds, d => d.Name == "Women's Health");
        var childCare = new CareOptions(
            Enumerable.Range(0, departments.Count).Where(d => d != womensHealth).ToArray(),
            clinicians.Where(c => c.Department != womensHealth).ToList());
        var adultCare = new CareOptions(
            Enumerable.Range(0, departments.Count).Where(d => d != pediatrics).ToArray(),
            clinicians.Where(c => c.Department != pediatrics).ToList());

        var interactions = new List<Interaction>();
        foreach (var patient in patients)
        {
            var care = patient.DateOfBirth > today.AddYears(-ChildUntilYears) ? childCare : adultCare;
            interactions.AddRange(CreateInteractions(faker, patient.Id, nowUtc, departments, servicesByDepartment, care, frontDesk.Id, manager.Id));
        }
        db.Interactions.AddRange(interactions);

        await SaveAsync(ct);

        // 4. Appointments. Small clinics (the integration tests' 60 patients) get none: their tests book on an empty diary.
        var appointments = settings.Patients >= MinPatientsForAppointments
            ? await SeedAppointmentsAsync(faker, patients, clinicians, servicesByDepartment, hours, new DepartmentRoles(0, pediatrics, womensHealth),
                frontDesk.Id, nowUtc, ct)
            : AppointmentCounts.None;
        await new SurveyDemoSeeder(db, clock, this, logger).SeedAsync(settings.Seed, nowUtc, ct);

        // 5. Complaints (own seeder, own random stream, so the data above does not change).
        await new ComplaintDemoSeeder(db, clock).SeedAsync(settings.Seed, [.. patients.Select(p => p.Id)], [.. departments.Select(d => d.Id)],
            frontDesk.Id, manager.Id, settings.Patients >= MinPatientsForAppointments ? 12 : 1, nowUtc, ct);

        // 6. A second site in Chicago (another zone), when asked: a department, its services and two clinicians, no history.
        if (settings.SecondSite)
            await SeedSecondSiteAsync(AddUser, ct);

        return new SeedCounts(departments.Count, services.Count, staff.Count, clinicians.Count, hours.Count,
            patients.Count, interactions.Count + appointments.Interactions, users.Count, appointments);
    }

    private sealed record CareOptions(int[] Departments, List<(StaffMember Staff, int Department)> Clinicians);

    public const string SecondSiteName = "Chicago Loop Clinic";
    public const string SecondSiteZone = "America/Chicago";
    public const string SecondSiteClinicianEmail = "dana.whitfield@riverside.test";

    /// <summary>
    /// The demo group's second site: Chicago (Central Time, while the first is in the group's zone), its own address,
    /// phone, directions, a Family Medicine department of its own (the same name as the first site's: one department
    /// per site) with three services, and two clinicians working 8:30–12:30 and 13:30–17:00 Chicago time, and a
    /// family physician of the first site visiting on Saturday mornings.
    /// </summary>
    private async Task SeedSecondSiteAsync(Func<string, string, ApplicationUser> addUser, CancellationToken ct)
    {
        var site = new Core.Sites.Site(SecondSiteName, SecondSiteZone);
        site.Update(SecondSiteName, "200 West Adams Street\nChicago, IL 60606", "+15550100200", DemoTranslations.ChicagoDirections,
            DemoTranslations.WhatToBring, SecondSiteZone);
        // Each site its own opening hours (the clinicians' hours fit inside them): Chicago opens weekend mornings too,
        // the group's first site late on weekdays and Saturday mornings.
        site.SetOpeningHours([.. Weekdays(new TimeOnly(8, 0), new TimeOnly(17, 30)),
            new OpeningTime(DayOfWeek.Saturday, new TimeOnly(8, 0), new TimeOnly(12, 0)), new OpeningTime(DayOfWeek.Sunday, new TimeOnly(8, 0), new TimeOnly(12, 0))]);
        db.Sites.Add(site);
        var first = await db.Sites.AsTracking().Include(s => s.OpeningHours).OrderBy(s => s.Id).FirstAsync(ct);
        first.SetOpeningHours([.. Weekdays(new TimeOnly(7, 30), new TimeOnly(18, 30)), new OpeningTime(DayOfWeek.Saturday, new TimeOnly(8, 0), new TimeOnly(12, 0))]);
        await SaveAsync(ct);
        // A holiday of this site only: Illinois' Casimir Pulaski Day (the first Monday in March), the next one from today there.
        db.TimeOff.Add(new TimeOff(null, PulaskiDay(clock.For(SecondSiteZone).Today), PulaskiDay(clock.For(SecondSiteZone).Today), "Casimir Pulaski Day", site.Id));
        var department = new Department("Family Medicine", "Everyday care for all ages in the Loop.", "+1 555 010 0210", site.Id);
        db.Departments.Add(department);
        await SaveAsync(ct);
        db.ClinicServices.AddRange(
            new ClinicService(department.Id, "New patient consultation", 30, "A first visit to get to know you and your health history."),
            new ClinicService(department.Id, "Follow-up appointment", 15, "A short review after a previous visit or test."),
            new ClinicService(department.Id, "Vaccination", 10, "Flu, tetanus, travel and other routine vaccines."));
        var people = new[] { ("Dana", "Whitfield", SecondSiteClinicianEmail, "Family physician"), ("Luis", "Romero", "luis.romero@riverside.test", "Nurse practitioner") };
        var staff = people.Select(p => new StaffMember(addUser(p.Item3, Roles.Clinician).Id, p.Item1, p.Item2, p.Item3, p.Item4, department.Id, isClinician: true)).ToList();
        db.StaffMembers.AddRange(staff);
        await SaveAsync(ct);
        foreach (var clinician in staff)
        {
            for (var day = DayOfWeek.Monday; day <= DayOfWeek.Friday; day++)
            {
                db.WorkingHours.Add(new WorkingHours(clinician.Id, day, new TimeOnly(8, 30), new TimeOnly(12, 30)));
                db.WorkingHours.Add(new WorkingHours(clinician.Id, day, new TimeOnly(13, 30), new TimeOnly(17, 0)));
            }
        }
        // A visiting clinician: the first site's second family physician also works Saturday mornings in Chicago
        // (8:00–12:00 Chicago time): Chicago's services list them beside its own two, and offer Saturday mornings.
        var visitor = await db.StaffMembers.Where(s => s.IsClinician && s.DepartmentId != null && s.Department!.SiteId == first.Id
                && s.Department.Name == "Family Medicine")
            .OrderBy(s => s.Id).Select(s => (int?)s.Id).Skip(1).FirstOrDefaultAsync(ct);
        if (visitor is { } visiting)
            db.WorkingHours.Add(new WorkingHours(visiting, DayOfWeek.Saturday, new TimeOnly(8, 0), new TimeOnly(12, 0), department.Id));
        await SaveAsync(ct);
    }

    private static IEnumerable<OpeningTime> Weekdays(TimeOnly opens, TimeOnly closes) =>
        OpeningTime.Week.Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Select(d => new OpeningTime(d, opens, closes));

    /// <summary>The first Monday in March on or after <paramref name="today"/>.</summary>
    public static DateOnly PulaskiDay(DateOnly today)
    {
        for (var year = today.Year; ; year++)
        {
            var day = new DateOnly(year, 3, 1);
            while (day.DayOfWeek != DayOfWeek.Monday)
                day = day.AddDays(1);
            if (day >= today)
                return day;
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
    }

    private static List<Patient> CreatePatients(Faker faker, int count, DateOnly today)
    {
        var patients = new List<Patient>(Math.Max(count, 1))
        {
            new("Alex", "Morgan", today.AddYears(-37).AddDays(-132), "+15550100001", PatientEmail, "en"),
        };

        for (var i = 1; i < count; i++)
        {
            var language = faker.Random.WeightedRandom(Languages, LanguageWeights);
            string first, last;
            switch (language)
            {
                case "es":
                    first = faker.PickRandom(SpanishFirstNames);
                    last = faker.PickRandom(SpanishLastNames);
                    break;
                case "zh-Hans":
                    first = faker.PickRandom(ChineseFirstNames);
                    last = faker.PickRandom(ChineseLastNames);
                    break;
                default:
                    var gender = faker.PickRandom<Bogus.DataSets.Name.Gender>();
                    first = faker.Name.FirstName(gender);
                    last = faker.Name.LastName(gender);
                    break;
            }

            // Most patients are adults; some children and babies.
            var ageDays = faker.Random.Bool(0.18f)
                ? faker.Random.Int(0, (18 * 365) - 1)
                : faker.Random.Int(18 * 365, (95 * 365) + 23);
            var dateOfBirth = today.AddDays(-ageDays);
            // Stored in E.164 like every patient's number: +1 555 01x xxxx (North America's fictional 555 numbers).
            var phone = "+155501" + ValidationExtensions.PhoneDigits(faker.Random.ReplaceNumbers("555-01##-####"))[6..];
            var email = faker.Random.Bool(0.85f)
                ? $"{EmailPart(first)}.{EmailPart(last)}{faker.Random.Int(1, 999)}@example.com"
                : null;

            var patient = new Patient(first, last, dateOfBirth, phone, email, language);
            if (faker.Random.Bool(0.3f))
            {
                // Some people want no surveys or no calls; anyone without an email can always be phoned.
                var byEmail = email is not null && faker.Random.Bool(0.6f);
                _ = faker.Random.Bool(0.6f); // once the text-message choice: still drawn, so the demo data stay the same
                var byPhone = faker.Random.Bool(0.5f) || email is null;
                patient.SetContactPreferences(byEmail, byPhone);
            }
            patients.Add(patient);
        }
        return patients;
    }

    private static IEnumerable<WorkingHours> CreateWorkingHours(Faker faker, int staffMemberId, bool demoClinician)
    {
        var morningStart = new TimeOnly(8, 30);
        var lunchStart = new TimeOnly(12, 30);
        var lunchMinutes = 60;
        var dayEnd = new TimeOnly(17, 0);
        DayOfWeek? dayOff = null;

        if (!demoClinician)
        {
            morningStart = faker.PickRandom(new TimeOnly(8, 0), new TimeOnly(8, 30), new TimeOnly(9, 0));
            lunchStart = faker.PickRandom(new TimeOnly(12, 0), new TimeOnly(12, 30), new TimeOnly(13, 0));
            lunchMinutes = faker.PickRandom(45, 60);
            dayEnd = faker.PickRandom(new TimeOnly(16, 30), new TimeOnly(17, 0), new TimeOnly(17, 30), new TimeOnly(18, 0));
            if (faker.Random.Bool(0.35f))
                dayOff = faker.PickRandom(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);
        }

        var afternoonStart = lunchStart.AddMinutes(lunchMinutes);
        for (var day = DayOfWeek.Monday; day <= DayOfWeek.Friday; day++)
        {
            if (day == dayOff)
                continue;
            // Friday afternoons finish a little earlier for those who work late.
            var end = day == DayOfWeek.Friday && dayEnd > new TimeOnly(17, 0) ? new TimeOnly(17, 0) : dayEnd;
            yield return new WorkingHours(staffMemberId, day, morningStart, lunchStart);
            yield return new WorkingHours(staffMemberId, day, afternoonStart, end);
        }
    }

    private static List<Interaction> CreateInteractions(
        Faker faker, int patientId, DateTime nowUtc, List<Department> departments, List<ClinicService>[] servicesByDepartment,
        CareOptions care, int frontDeskId, int managerId)
    {
        var count = faker.Random.Int(1, 6);
        var result = new List<Interaction>(count + 1);

        // Times are picked as business hours in US Eastern (UTC-5), close enough for demo data.
        DateTime At(int daysAgo, bool staffed)
        {
            var date = nowUtc.Date.AddDays(-daysAgo);
            if (staffed)
            {
                if (date.DayOfWeek == DayOfWeek.Saturday) date = date.AddDays(-1);
                else if (date.DayOfWeek == DayOfWeek.Sunday) date = date.AddDays(-2);
                return DateTime.SpecifyKind(date.AddMinutes((13 * 60) + 30 + faker.Random.Int(0, (8 * 60) - 30)), DateTimeKind.Utc);
            }
            return DateTime.SpecifyKind(date.AddMinutes(faker.Random.Int(0, (24 * 60) - 1)), DateTimeKind.Utc);
        }

        // The first touchpoint is sometimes the registration itself.
        var oldest = faker.Random.Int(1, HistoryDays);  // whole days back, so nothing lands later than now
        if (faker.Random.Bool(0.3f))
        {
            var channel = faker.PickRandom(InteractionChannel.InPerson, InteractionChannel.Phone, InteractionChannel.Web);
            var (summary, staffId) = channel switch
            {
                InteractionChannel.InPerson => ("Registered at reception", (int?)frontDeskId),
                InteractionChannel.Phone => ("Registered over the phone", frontDeskId),
                _ => ("Registered for the patient portal", null),
            };
            // Lines the live portal writes are seeded as it writes them (events the patient reads in their language).
            result.Add(new Interaction(patientId, staffId, channel, InteractionKind.Registration, TimelineSentence.Of(summary), At(oldest, staffId is not null)));
        }

        while (result.Count < count)
        {
            var daysAgo = faker.Random.Int(1, oldest);
            var template = faker.Random.WeightedRandom(Templates, TemplateWeights);
            var department = faker.PickRandom(care.Departments);
            var service = faker.PickRandom(servicesByDepartment[department]);
            var label = $"{service.Name} ({departments[department].Name})";

            switch (template)
            {
                case Template.PhoneCall:
                    Add(InteractionChannel.Phone, InteractionKind.Call, faker.PickRandom(CallSummaries), frontDeskId);
                    break;
                case Template.PhoneBooking:
                    Add(InteractionChannel.Phone, InteractionKind.AppointmentBooked, $"Booked an appointment by phone: {label}", frontDeskId);
                    break;
                case Template.WebBooking:
                    Add(InteractionChannel.Web, InteractionKind.AppointmentBooked, $"Booked an appointment online: {label}", null);
                    break;
                case Template.PhoneChange:
                    Add(InteractionChannel.Phone, InteractionKind.AppointmentChanged, $"Moved an appointment to another day: {label}", frontDeskId);
                    break;
                case Template.WebChange:
                    Add(InteractionChannel.Web, InteractionKind.AppointmentChanged, $"Rescheduled an appointment online: {label}", null);
                    break;
                case Template.PhoneCancel:
                    Add(InteractionChannel.Phone, InteractionKind.AppointmentCancelled, $"Called to cancel an appointment: {label}", frontDeskId);
                    break;
                case Template.WebCancel:
                    Add(InteractionChannel.Web, InteractionKind.AppointmentCancelled, $"Cancelled an appointment online: {label}", null);
                    break;
                case Template.Visit:
                {
                    var (clinician, clinicianDepartment) = faker.PickRandom(care.Clinicians);
                    var visitService = faker.PickRandom(servicesByDepartment[clinicianDepartment]);
                    var seenAt = At(daysAgo, staffed: true);
                    if (result.Count + 1 < count)
                    {
                        result.Add(new Interaction(patientId, frontDeskId, InteractionChannel.InPerson, InteractionKind.CheckIn,
                            TimelineSentence.Of("Checked in at reception"), seenAt.AddMinutes(-faker.Random.Int(5, 20))));
                    }
                    result.Add(new Interaction(patientId, clinician.Id, InteractionChannel.InPerson, InteractionKind.Visit,
                        TimelineSentence.Of("Visit completed"), seenAt));
                    break;
                }
                case Template.EmailMessage:
                    Add(InteractionChannel.Email, InteractionKind.Message, faker.PickRandom(EmailSummaries), frontDeskId);
                    break;
                case Template.PortalMessage:
                    Add(InteractionChannel.Web, InteractionKind.Message, faker.PickRandom(PortalMessageSummaries), null);
                    break;
                case Template.Survey:
                    result.Add(new Interaction(patientId, null, InteractionChannel.Web, InteractionKind.Survey, TimelineSentence.Of("Answered the visit survey"), At(daysAgo, false)));
                    break;
                case Template.Complaint:
                    Add(InteractionChannel.Phone, InteractionKind.Complaint, faker.PickRandom(ComplaintSummaries), managerId);
                    break;
                case Template.Letter:
                    Add(InteractionChannel.Letter, InteractionKind.Note, faker.PickRandom(LetterSummaries), frontDeskId);
                    break;
                case Template.ClinicianCall:
                {
                    var (clinician, _) = faker.PickRandom(care.Clinicians);
                    Add(InteractionChannel.Phone, InteractionKind.Call, "Clinician called to follow up after a visit", clinician.Id);
                    break;
                }
            }

            void Add(InteractionChannel channel, InteractionKind kind, string summary, int? staffMemberId) =>
                result.Add(new Interaction(patientId, staffMemberId, channel, kind, summary, At(daysAgo, staffMemberId is not null)));
        }

        return result;
    }

    // ---- Appointments ---------------------------------------------------------------------------

    /// <summary>Below this many patients no appointments are seeded (tests seed small clinics and book on an empty diary).</summary>
    public const int MinPatientsForAppointments = 100;
    private const int HistoryMonths = 24;
    private const int UpcomingDays = 21;
    private const int GridMinutes = 15;
    /// <summary>
    /// Share of working time booked in the past. A real diary runs fuller (50–80%); this keeps the whole seed to a few
    /// seconds on a small machine (about 40,000 visits over two years) and 400 patients to about four visits a month each.
    /// </summary>
    private const double PastFill = 0.35;
    private const double CancelledShare = 0.12;
    private const double NoShowShare = 0.06;
    private const int MaxLateArrivalMinutes = 15;
    private const int MaxWaitMinutes = 45;
    private static readonly TimeSpan ReminderLead = TimeSpan.FromHours(24);

    /// <summary>Share of working time booked, by whole weeks ahead: the diary fills up as the day comes closer.</summary>
    private static readonly double[] UpcomingFillByWeek = [0.6, 0.4, 0.25];

    private static readonly InteractionChannel[] BookingChannels = [InteractionChannel.Web, InteractionChannel.Phone, InteractionChannel.InPerson];
    private static readonly float[] BookingChannelWeights = [0.45f, 0.42f, 0.13f];

    private static readonly string[] CancellationReasons =
    [
        "Feeling better",
        "Work commitment",
        "Childcare problem",
        "Traveling",
        "Unwell on the day",
        "Transport problem",
        "Booked by mistake",
        "Clinician unavailable",
    ];

    /// <summary>Minutes from max(arrived, start) to seen, as [From, To) bands: most short, a tail past 40.</summary>
    private static readonly (int From, int To)[] WaitBands = [(0, 10), (10, 20), (20, 40), (40, MaxWaitMinutes)];
    private static readonly float[] WaitBandWeights = [0.52f, 0.27f, 0.15f, 0.06f];

    /// <summary>Indexes into <see cref="DepartmentSeeds"/> of the departments with rules about who is seen there.</summary>
    private sealed record DepartmentRoles(int FamilyMedicine, int Pediatrics, int WomensHealth);

    private sealed record AppointmentCounts(int Past, int Completed, int NoShows, int Cancelled, int Upcoming, int TimeCells, int Interactions)
    {
        public static readonly AppointmentCounts None = new(0, 0, 0, 0, 0, 0, 0);
    }

    /// <summary>
    /// Walks every clinician's working intervals on the booking grid from two years ago to three weeks ahead, and books a
    /// share of the time with the department's services. One visit per patient per day keeps patients from overlapping;
    /// the walk itself keeps clinicians from overlapping. Past visits get an outcome; those still holding time from today
    /// on get their time cells as <see cref="BookingService"/> writes them.
    /// </summary>
    private async Task<AppointmentCounts> SeedAppointmentsAsync(
        Faker faker, List<Patient> patients, List<(StaffMember Staff, int Department)> clinicians, List<ClinicService>[] servicesByDepartment,
        List<WorkingHours> hours, DepartmentRoles roles, int frontDeskId, DateTime nowUtc, CancellationToken ct)
    {
        var zone = clock.Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        var firstDay = today.AddMonths(-HistoryMonths);
        var lastDay = today.AddDays(UpcomingDays);

        // The demo patient (index 0) gets a handful of visits, not a share of two years of diaries.
        var childFrom = today.AddYears(-ChildUntilYears);
        var children = patients.Skip(1).Where(p => p.DateOfBirth > childFrom).Select(p => p.Id).ToArray();
        var adults = patients.Skip(1).Where(p => p.DateOfBirth <= childFrom).Select(p => p.Id).ToArray();
        var everyone = patients.Skip(1).Select(p => p.Id).ToArray();
        var demoPatientId = patients[0].Id;
        var demoIsChild = patients[0].DateOfBirth > childFrom;
        var demoUpcoming = false;

        var weekByClinician = clinicians.Select(c => WeekOf(hours.Where(h => h.StaffMemberId == c.Staff.Id))).ToArray();
        var takeChance = new double[servicesByDepartment.Length][];
        for (var d = 0; d < servicesByDepartment.Length; d++)
        {
            var steps = servicesByDepartment[d].Average(s => Math.Ceiling(s.DurationMinutes / (double)GridMinutes));
            takeChance[d] = [TakeChance(PastFill, steps), .. UpcomingFillByWeek.Select(f => TakeChance(f, steps))];
        }

        var appointments = new List<Appointment>();
        var patientDays = new HashSet<long>();
        var step = TimeSpan.FromMinutes(GridMinutes);
        int completed = 0, noShows = 0, cancelled = 0, upcoming = 0;

        for (var date = firstDay; date <= lastDay; date = date.AddDays(1))
        {
            var weekAhead = date < today ? -1 : Math.Min((date.DayNumber - today.DayNumber) / 7, UpcomingFillByWeek.Length - 1);
            var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            for (var c = 0; c < clinicians.Count; c++)
            {
                var intervals = weekByClinician[c][(int)date.DayOfWeek];
                if (intervals is null)
                    continue;
                var (clinician, department) = clinicians[c];
                var services = servicesByDepartment[department];
                var chance = takeChance[department][weekAhead + 1];
                var pool = department == roles.Pediatrics ? children : department == roles.WomensHealth ? adults : everyone;
                var demoFits = department == roles.Pediatrics ? demoIsChild : department != roles.WomensHealth || !demoIsChild;
                var clinicianFreeAt = DateTime.MinValue;

                foreach (var interval in intervals)
                {
                    var openLocal = midnight + interval.Start.ToTimeSpan();
                    var closeLocal = midnight + interval.End.ToTimeSpan();
                    if (SlotFinder.ToUtc(zone, openLocal) is not { } openUtc || SlotFinder.ToUtc(zone, closeLocal) is not { } closeUtc)
                        continue;  // an interval that starts or ends in a clock gap: not worth modelling for demo data

                    for (var local = openLocal; local < closeLocal;)
                    {
                        if (!faker.Random.Bool((float)chance) || SlotFinder.ToUtc(zone, local) is not { } startUtc)
                        {
                            local += step;
                            continue;
                        }
                        var service = faker.PickRandom(services);
                        var slot = new Slot(startUtc, startUtc.AddMinutes(service.DurationMinutes),
                            startUtc.AddMinutes(-service.BufferBeforeMinutes),
                            startUtc.AddMinutes(service.DurationMinutes + service.BufferAfterMinutes), local);
                        var wantsDemo = demoFits && WantsDemoPatient(faker, weekAhead, !demoUpcoming && department == roles.FamilyMedicine && date.DayNumber - today.DayNumber >= 3);
                        if (slot.BlockStartUtc < openUtc || slot.BlockEndUtc > closeUtc
                            || PickPatient(faker, pool, date, patientDays, wantsDemo ? demoPatientId : null) is not { } patientId)
                        {
                            local += step;
                            continue;
                        }
                        demoUpcoming |= patientId == demoPatientId && slot.StartUtc >= nowUtc;

                        var channel = faker.Random.WeightedRandom(BookingChannels, BookingChannelWeights);
                        var booked = BookedAt(faker, slot.StartUtc, nowUtc, staffed: channel != InteractionChannel.Web);
                        var appointment = new Appointment(patientId, clinician.Id, service.Id, slot, channel, ReminderLead)
                        {
                            CreatedAtUtc = booked,
                        };
                        if (slot.StartUtc >= nowUtc)
                        {
                            if (Later(appointment.ReminderDueAtUtc, booked) <= nowUtc)
                                appointment.MarkReminderSent(Later(appointment.ReminderDueAtUtc, booked));
                            upcoming++;
                        }
                        else
                        {
                            switch (PlayOut(faker, appointment, service.DurationMinutes, nowUtc, ref clinicianFreeAt))
                            {
                                case AppointmentStatus.Completed: completed++; break;
                                case AppointmentStatus.NoShow: noShows++; break;
                                case AppointmentStatus.Cancelled: cancelled++; break;
                            }
                        }
                        appointments.Add(appointment);
                        local += TimeSpan.FromMinutes(Math.Ceiling(service.DurationMinutes / (double)GridMinutes) * GridMinutes);
                    }
                }
            }
        }

        var startOfToday = SlotFinder.ToUtc(zone, today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified)) ?? nowUtc.Date;

        await using (await dialect.BulkWriteAsync(db, ct))
        {
            var (cells, interactions) = await WriteAppointmentsAsync(appointments, clinicians, servicesByDepartment, frontDeskId, startOfToday, nowUtc, ct);
            // Past includes the few still under way today (arrived, in the room, or due a moment ago and not here yet).
            return new AppointmentCounts(appointments.Count - upcoming, completed, noShows, cancelled, upcoming, cells, interactions);
        }
    }

    /// <summary>
    /// Writes the appointments, then the time cells of those still holding time from today on (as
    /// <see cref="BookingService"/> adds them) and the upcoming ones' booking entries on the patients' timelines.
    /// SaveChanges would spend most of the seed's time budget on these rows, so they go in with prepared INSERTs.
    /// </summary>
    private async Task<(int TimeCells, int Interactions)> WriteAppointmentsAsync(
        List<Appointment> appointments, List<(StaffMember Staff, int Department)> clinicians, List<ClinicService>[] servicesByDepartment,
        int frontDeskId, DateTime startOfToday, DateTime nowUtc, CancellationToken ct)
    {
        await BulkInsertAsync(appointments, ct);

        // The cells need the ids of the visits still holding time, read back by their unique calendar UID.
        var ids = await db.Appointments.AsNoTracking()
            .Where(a => a.EndUtc > startOfToday && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow)
            .Select(a => new { a.Id, a.CalendarUid })
            .ToDictionaryAsync(a => a.CalendarUid, a => a.Id, ct);

        // Cells as BookingService.AddCells writes them; older visits need none.
        var cells = new List<TimeCell>();
        var interactions = new List<Interaction>();
        var serviceNames = servicesByDepartment.SelectMany(s => s).ToDictionary(s => s.Id, s => s.Name);
        var clinicianNames = clinicians.ToDictionary(c => c.Staff.Id, c => $"{c.Staff.FirstName} {c.Staff.LastName}");
        foreach (var appointment in appointments)
        {
            if (!ids.TryGetValue(appointment.CalendarUid, out var id))
                continue;
            var clinicianOwner = TimeCell.ForClinician(appointment.ClinicianId);
            foreach (var cell in TimeCell.Cover(appointment.BlockStartUtc, appointment.BlockEndUtc))
                cells.Add(new TimeCell(clinicianOwner, cell, id));
            var patientOwner = TimeCell.ForPatient(appointment.PatientId);
            foreach (var cell in TimeCell.Cover(appointment.StartUtc, appointment.EndUtc))
                cells.Add(new TimeCell(patientOwner, cell, id));

            // The upcoming visits' bookings show on the patients' timelines, worded as BookingService words them.
            if (appointment.StartUtc >= nowUtc)
            {
                var sentence = TimelineSentence.Of(BookingService.BookedLine, serviceNames[appointment.ServiceId], clinicianNames[appointment.ClinicianId],
                    TimelineValue.Time(appointment.StartUtc));
                interactions.Add(new Interaction(appointment.PatientId, appointment.BookedVia == InteractionChannel.Web ? null : frontDeskId,
                    appointment.BookedVia, InteractionKind.AppointmentBooked, sentence,
                    sentence.InEnglish(times),
                    appointment.CreatedAtUtc) { CreatedAtUtc = appointment.CreatedAtUtc });
            }
        }
        await BulkInsertAsync(cells, ct);
        await BulkInsertAsync(interactions, ct);
        return (cells.Count, interactions.Count);
    }

    /// <summary>Inserts entities with one prepared INSERT (<see cref="PreparedInsert{T}"/>) inside the current transaction.</summary>
    internal async Task BulkInsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0)
            return;
        await using var insert = new PreparedInsert<T>(db);
        await insert.WriteAsync(rows, db.Database.CurrentTransaction?.GetDbTransaction(), ct);
    }

    /// <summary>Chance of booking at a grid step so that about <paramref name="fill"/> of the time is booked, when a visit takes <paramref name="steps"/> steps on average.</summary>
    private static double TakeChance(double fill, double steps) => fill / (fill + (steps * (1 - fill)));

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static List<WorkingHours>?[] WeekOf(IEnumerable<WorkingHours> hours)
    {
        var week = new List<WorkingHours>?[7];
        foreach (var h in hours)
            (week[(int)h.Day] ??= []).Add(h);
        foreach (var day in week)
            day?.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return week;
    }

    /// <summary>About one past visit a quarter for the demo patient, a couple upcoming, and surely one (<paramref name="needsUpcoming"/>) a few days ahead.</summary>
    private static bool WantsDemoPatient(Faker faker, int weekAhead, bool needsUpcoming) =>
        needsUpcoming || faker.Random.Bool(weekAhead < 0 ? 0.0002f : 0.001f);

    /// <summary>A patient free that day (one visit a day each), or null after a few tries.</summary>
    private static int? PickPatient(Faker faker, int[] pool, DateOnly date, HashSet<long> patientDays, int? preferred)
    {
        if (preferred is { } wanted && patientDays.Add(PatientDay(wanted, date)))
            return wanted;
        if (pool.Length == 0)
            return null;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var id = pool[faker.Random.Int(0, pool.Length - 1)];
            if (patientDays.Add(PatientDay(id, date)))
                return id;
        }
        return null;
    }

    private static long PatientDay(int patientId, DateOnly date) => ((long)patientId << 32) | (uint)date.DayNumber;

    /// <summary>
    /// What happened to a visit that was due before now: cancelled beforehand, missed, or attended (arrival, wait and visit
    /// length drawn; a clinician running over delays the next patient). A visit still under way today stops at its current
    /// step. Stamps ModifiedAtUtc with the last change, as the save interceptor would have.
    /// </summary>
    private static AppointmentStatus PlayOut(Faker faker, Appointment appointment, int durationMinutes, DateTime nowUtc, ref DateTime clinicianFreeAt)
    {
        var start = appointment.StartUtc;
        var booked = appointment.CreatedAtUtc;
        var reminderAt = Later(appointment.ReminderDueAtUtc, booked);
        var roll = faker.Random.Double();
        if (roll < CancelledShare)
        {
            // Most cancel a day or two ahead, some up to two weeks ahead, a few on the day; never before booking.
            var u = faker.Random.Double();
            var cancelledAt = start.AddSeconds(-(int)(3600 * (1 + (335 * u * u))));
            if (cancelledAt <= booked)
                cancelledAt = booked.AddSeconds((int)((start - booked).TotalSeconds * faker.Random.Double(0.1, 0.9)));
            if (reminderAt <= cancelledAt)
                appointment.MarkReminderSent(reminderAt);
            appointment.Cancel(faker.PickRandom(CancellationReasons), cancelledAt);
            appointment.ModifiedAtUtc = cancelledAt;
            return appointment.Status;
        }

        appointment.MarkReminderSent(reminderAt);
        if (roll < CancelledShare + NoShowShare)
        {
            var markedAt = start.AddMinutes(faker.Random.Int(MaxLateArrivalMinutes, 60));
            if (markedAt <= nowUtc)
            {
                appointment.MarkNoShow(markedAt, TimeSpan.Zero);
                appointment.ModifiedAtUtc = markedAt;
            }
            return appointment.Status;
        }

        // Most arrive a little early, some a little late (to the second, within the quarter hour either side).
        var arrived = start.AddSeconds(faker.Random.Bool(0.75f)
            ? -faker.Random.Int(0, MaxLateArrivalMinutes * 60)
            : faker.Random.Int(1, MaxLateArrivalMinutes * 60));
        var from = Later(arrived, start);
        var band = faker.Random.WeightedRandom(WaitBands, WaitBandWeights);
        var seen = from.AddSeconds(faker.Random.Int(band.From * 60, (band.To * 60) - 1));
        if (seen < clinicianFreeAt)
        {
            var latest = from.AddMinutes(MaxWaitMinutes);
            seen = clinicianFreeAt < latest ? clinicianFreeAt : latest;
        }
        var completedAt = seen.AddSeconds((int)(durationMinutes * 60 * faker.Random.Double(0.7, 1.05)));
        clinicianFreeAt = completedAt;

        if (arrived > nowUtc)
            return appointment.Status;  // due a moment ago and not here yet
        appointment.MarkArrived(arrived);
        appointment.ModifiedAtUtc = arrived;
        if (seen <= nowUtc)
        {
            appointment.MarkInRoom(seen);
            appointment.ModifiedAtUtc = seen;
        }
        if (completedAt <= nowUtc)
        {
            appointment.Complete(completedAt);
            appointment.ModifiedAtUtc = completedAt;
        }
        return appointment.Status;
    }

    /// <summary>When a visit was booked: in the four weeks before it, at least a few hours ahead, not after now, in office hours when staff took it.</summary>
    private static DateTime BookedAt(Faker faker, DateTime startUtc, DateTime nowUtc, bool staffed)
    {
        var wholeMinuteNow = new DateTime(nowUtc.Ticks - (nowUtc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        var latest = startUtc.AddHours(-3) < wholeMinuteNow ? startUtc.AddHours(-3) : wholeMinuteNow;
        var day = latest.Date.AddDays(-faker.Random.Int(0, 27));
        // Office hours are picked in US Eastern (UTC-5) as for the other timeline entries.
        var at = staffed
            ? day.AddMinutes((13 * 60) + 30 + faker.Random.Int(0, (8 * 60) - 30))
            : day.AddMinutes(faker.Random.Int(0, (24 * 60) - 1));
        if (at > latest)
            at = latest.AddMinutes(-faker.Random.Int(1, 60));
        return DateTime.SpecifyKind(at, DateTimeKind.Utc);
    }

    /// <summary>Lower-case ASCII letters only, so "O'Keefe" becomes "okeefe" in an address.</summary>
    private static string EmailPart(string name)
    {
        var normalized = name.Normalize(System.Text.NormalizationForm.FormD);
        var letters = normalized.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray();
        return letters.Length == 0 ? "user" : new string(letters);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data already present; skipping the demo seeder")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Departments} departments, {Services} services, {Staff} staff ({Clinicians} clinicians, {WorkingHours} working-hour intervals), {Patients} patients, {Interactions} interactions, {Users} logins in {ElapsedMs} ms")]
    private static partial void LogSeeded(ILogger logger, int departments, int services, int staff, int clinicians, int workingHours,
        int patients, int interactions, int users, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo appointments seeded: {Past} past ({Completed} completed, {NoShows} no-shows, {Cancelled} cancelled), {Upcoming} upcoming, {TimeCells} time cells")]
    private static partial void LogSeededAppointments(ILogger logger, int past, int completed, int noShows, int cancelled, int upcoming, int timeCells);
}
