using System.Diagnostics;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Identity;

namespace PatientExperience.Infrastructure.Seeding;

/// <summary>
/// Fills an empty database with a small, believable clinic: departments and services, staff with
/// working hours, demo logins (all with <see cref="DemoDataOptions.DemoPassword"/>), patients and
/// their timelines. Deterministic for a given <see cref="DemoDataOptions.Seed"/>; dates are relative
/// to "now". Does nothing once any department exists.
/// </summary>
public sealed partial class DemoDataSeeder(
    AppDbContext db,
    TimeProvider time,
    IOptions<DemoDataOptions> options,
    ILogger<DemoDataSeeder> logger)
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
        new("Orthopaedics", "Care for bones, joints, muscles and sports injuries.", "+1 555 010 0140",
        [
            ("Orthopaedic consultation", 30, "An assessment of a joint, bone or back problem."),
            ("Fracture clinic follow-up", 15, "A review of a healing fracture."),
            ("Joint injection", 20, "A steroid or other injection into a joint."),
        ]),
        new("Paediatrics", "Health care for babies, children and teenagers.", "+1 555 010 0150",
        [
            ("Well-child check", 30, "Growth, development and general health check."),
            ("Childhood immunisations", 15, "Routine vaccines on the childhood schedule."),
            ("Paediatric consultation", 30, "An assessment of a child's health concern."),
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
        (3, "Orthopaedic surgeon"),
        (3, "Sports medicine physician"),
        (4, "Paediatrician"),
        (4, "Paediatric nurse practitioner"),
        (5, "Obstetrician-gynaecologist"),
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

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Departments.AnyAsync(cancellationToken))
        {
            LogSkipped(logger);
            return;
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
    }

    private sealed record SeedCounts(int Departments, int Services, int Staff, int Clinicians, int WorkingHours, int Patients, int Interactions, int Users);

    private async Task<SeedCounts> SeedCoreAsync(
        Faker faker, DemoDataOptions settings, Dictionary<string, string> roleIds, string passwordHash,
        DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        // 1. Departments and logins (no dependencies between them).
        var departments = DepartmentSeeds.Select(d => new Department(d.Name, d.Description, d.Phone)).ToList();
        db.Departments.AddRange(departments);

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

        // Children are seen in Paediatrics and never in Women's Health; adults the other way round.
        var paediatrics = Array.FindIndex(DepartmentSeeds, d => d.Name == "Paediatrics");
        var womensHealth = Array.FindIndex(DepartmentSeeds, d => d.Name == "Women's Health");
        var childCare = new CareOptions(
            Enumerable.Range(0, departments.Count).Where(d => d != womensHealth).ToArray(),
            clinicians.Where(c => c.Department != womensHealth).ToList());
        var adultCare = new CareOptions(
            Enumerable.Range(0, departments.Count).Where(d => d != paediatrics).ToArray(),
            clinicians.Where(c => c.Department != paediatrics).ToList());

        var interactions = new List<Interaction>();
        foreach (var patient in patients)
        {
            var care = patient.DateOfBirth > today.AddYears(-ChildUntilYears) ? childCare : adultCare;
            interactions.AddRange(CreateInteractions(faker, patient.Id, nowUtc, departments, servicesByDepartment, care, frontDesk.Id, manager.Id));
        }
        db.Interactions.AddRange(interactions);

        await SaveAsync(ct);

        return new SeedCounts(departments.Count, services.Count, staff.Count, clinicians.Count, hours.Count,
            patients.Count, interactions.Count, users.Count);
    }

    private sealed record CareOptions(int[] Departments, List<(StaffMember Staff, int Department)> Clinicians);

    private async Task SaveAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
    }

    private static List<Patient> CreatePatients(Faker faker, int count, DateOnly today)
    {
        var patients = new List<Patient>(Math.Max(count, 1))
        {
            new("Alex", "Morgan", today.AddYears(-37).AddDays(-132), "555-0100-0001", PatientEmail, "en"),
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
            var phone = faker.Random.ReplaceNumbers("555-01##-####");
            var email = faker.Random.Bool(0.85f)
                ? $"{EmailPart(first)}.{EmailPart(last)}{faker.Random.Int(1, 999)}@example.com"
                : null;

            var patient = new Patient(first, last, dateOfBirth, phone, email, language);
            if (faker.Random.Bool(0.3f))
            {
                // Some people prefer fewer channels; always keep at least one.
                var byEmail = email is not null && faker.Random.Bool(0.6f);
                var bySms = faker.Random.Bool(0.6f);
                var byPhone = faker.Random.Bool(0.5f) || (!byEmail && !bySms);
                patient.SetContactPreferences(byEmail, bySms, byPhone);
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
                _ => ("Registered through the patient portal", null),
            };
            result.Add(new Interaction(patientId, staffId, channel, InteractionKind.Registration, summary, At(oldest, staffId is not null)));
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
                            "Checked in at reception", seenAt.AddMinutes(-faker.Random.Int(5, 20))));
                    }
                    result.Add(new Interaction(patientId, clinician.Id, InteractionChannel.InPerson, InteractionKind.Visit,
                        $"Attended appointment: {visitService.Name}", seenAt));
                    break;
                }
                case Template.EmailMessage:
                    Add(InteractionChannel.Email, InteractionKind.Message, faker.PickRandom(EmailSummaries), frontDeskId);
                    break;
                case Template.PortalMessage:
                    Add(InteractionChannel.Web, InteractionKind.Message, faker.PickRandom(PortalMessageSummaries), null);
                    break;
                case Template.Survey:
                    Add(InteractionChannel.Web, InteractionKind.Survey, "Completed the after-visit survey", null);
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
}
