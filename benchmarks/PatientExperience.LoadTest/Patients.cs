using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Patients;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Identity;

namespace PatientExperience.LoadTest;

/// <summary>
/// Patient logins made straight in the portal's database, as the integration tests' BookingFactory does:
/// confirmed, in the Patient role, with the demo patient's password hash (so the demo password signs them in).
/// Registering 200 people through the pages would measure registration and email, not the booking race.
/// </summary>
internal static class Patients
{
    public const string DemoPatientEmail = "patient@demo.test";
    public const string DemoPassword = "Demo!Passw0rd2026";

    /// <summary>The portal's SQLite file, or (a value with <c>Host=</c> in it) its PostgreSQL connection string.</summary>
    private static AppDbContext Open(string databaseFile)
    {
        if (databaseFile.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            return new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(databaseFile).Options);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile, DefaultTimeout = 30, Pooling = false }.ToString();
        return new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options);
    }

    public static async Task<IReadOnlyList<string>> CreateAsync(string databaseFile, string prefix, int count, CancellationToken cancellationToken)
    {
        await using var db = Open(databaseFile);
        var hash = await db.Users.Where(u => u.Email == DemoPatientEmail).Select(u => u.PasswordHash).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"{DemoPatientEmail} is not in {databaseFile}: start the portal in Development with demo data first.");
        var role = await db.Roles.Where(r => r.Name == "Patient").Select(r => r.Id).FirstAsync(cancellationToken);
        var now = DateTime.UtcNow;
        var emails = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D3}@example.com");
            var user = new ApplicationUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role });
            var patient = new Patient("Race", string.Create(CultureInfo.InvariantCulture, $"{prefix} {i}"), new DateOnly(1980, 1, 1), "555 010 0000", email, "en")
            {
                CreatedAtUtc = now,
            };
            patient.LinkLogin(user.Id);
            db.Patients.Add(patient);
            emails.Add(email);
        }
        await db.SaveChangesAsync(cancellationToken);
        return emails;
    }

    /// <summary>Active appointments per slot start for the clinician: exactly one each means nobody was double-booked.</summary>
    public static async Task<Dictionary<DateTime, int>> BookedAtAsync(string databaseFile, int clinicianId, IReadOnlyCollection<DateTime> startsUtc, CancellationToken cancellationToken)
    {
        await using var db = Open(databaseFile);
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.ClinicianId == clinicianId && startsUtc.Contains(a.StartUtc) && a.Status != AppointmentStatus.Cancelled)
            .Select(a => a.StartUtc).ToListAsync(cancellationToken);
        return startsUtc.ToDictionary(s => s, s => rows.Count(r => r == s));
    }
}
