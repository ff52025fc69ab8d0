using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientExperience.Core.Patients;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Appointments;

/// <summary>The portal at a fixed moment: Monday 23 November 2026, 08:00 in New York.</summary>
public class BookingFactory : PortalFactory
{
    public static readonly DateTimeOffset Monday8amNewYork = new(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Monday8amNewYork);

    public BookingFactory()
    {
    }

    private BookingFactory(TestDatabase database) : base(database)
    {
    }

    /// <summary>A second portal instance over this one's database (as in a cluster), at the same fixed moment.</summary>
    public BookingFactory SecondInstance() => new(Database.Shared());

    /// <summary>Visits the portal reported as completed (the seam the surveys feature subscribes to).</summary>
    public System.Collections.Concurrent.ConcurrentBag<int> Completed { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddScoped<PatientExperience.Core.Appointments.IVisitCompletedHandler>(_ => new RecordingCompletedHandler(Completed));
        });
    }

    private sealed class RecordingCompletedHandler(System.Collections.Concurrent.ConcurrentBag<int> completed) : PatientExperience.Core.Appointments.IVisitCompletedHandler
    {
        public Task OnCompletedAsync(PatientExperience.Core.Appointments.Appointment appointment, CancellationToken cancellationToken)
        {
            completed.Add(appointment.Id);
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Patients who can sign in with the demo password, made straight in the database
    /// (registering fifty through the pages would test registration fifty times).
    /// </summary>
    public async Task<IReadOnlyList<string>> CreatePatientsAsync(string prefix, int count, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hash = await db.Users.Where(u => u.Email == "patient@demo.test").Select(u => u.PasswordHash).FirstAsync(cancellationToken);
        var role = await db.Roles.Where(r => r.Name == "Patient").Select(r => r.Id).FirstAsync(cancellationToken);
        var emails = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var email = $"{prefix}{i}@example.com";
            var user = new ApplicationUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role });
            var patient = new Patient("Test", $"{prefix} {i}", new DateOnly(1980, 1, 1), "555 010 0000", email, "en");
            patient.LinkLogin(user.Id);
            db.Patients.Add(patient);
            emails.Add(email);
        }
        await db.SaveChangesAsync(cancellationToken);
        return emails;
    }
}
