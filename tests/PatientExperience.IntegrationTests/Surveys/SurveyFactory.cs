using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Core.ServiceRecovery;
using PatientExperience.Core.Surveys;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>
/// The portal at Monday 23 November 2026, 08:00 in New York, with the survey job off (tests run it) and a
/// recording stand-in for the complaints feature's follow-up cases.
/// </summary>
public class SurveyFactory : PortalFactory
{
    public static readonly DateTimeOffset Monday8amNewYork = new(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Monday8amNewYork);

    public ConcurrentQueue<ServiceRecoveryRequest> Cases { get; } = new();

    /// <summary>Every log line the portal writes, to prove no comment or name reaches the logs.</summary>
    public Privacy.CapturingSink Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Surveys:Enabled"] = "false" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddScoped<IServiceRecoveryCases>(_ => new RecordingCases(Cases));
            services.AddSingleton<Serilog.Core.ILogEventSink>(Logs);
        });
    }

    /// <summary>Adds the case to nothing: it only remembers that it was asked, and with what.</summary>
    private sealed class RecordingCases(ConcurrentQueue<ServiceRecoveryRequest> cases) : IServiceRecoveryCases
    {
        public Task OpenAsync(ServiceRecoveryRequest request, CancellationToken cancellationToken)
        {
            cases.Enqueue(request);
            return Task.CompletedTask;
        }
    }

    /// <summary>Moves the clock forward (a fake clock never goes back).</summary>
    public void SetNow(DateTime utc) => Time.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));

    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>A weekday at the given New York time, at least <paramref name="daysAhead"/> days after the clock's day.</summary>
    public DateTime WeekdayUtc(int daysAhead, int hour, int minute = 0)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Time.GetUtcNow().UtcDateTime, NewYork)).AddDays(daysAhead);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            day = day.AddDays(1);
        return TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), NewYork);
    }

    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, NewYork);

    /// <summary>A patient who can sign in with the demo password, made straight in the database.</summary>
    public async Task<(int Id, string Email)> CreatePatientAsync(string prefix, CancellationToken ct, string language = "en")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hash = await db.Users.Where(u => u.Email == "patient@demo.test").Select(u => u.PasswordHash).FirstAsync(ct);
        var role = await db.Roles.Where(r => r.Name == "Patient").Select(r => r.Id).FirstAsync(ct);
        var email = $"{prefix}-{Guid.NewGuid():N}"[..20] + "@example.com";
        var user = new ApplicationUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role });
        var patient = new Patient("Survey", prefix, new DateOnly(1980, 1, 1), "555 010 0000", email, language);
        patient.LinkLogin(user.Id);
        db.Patients.Add(patient);
        await db.SaveChangesAsync(ct);
        return (patient.Id, email);
    }

    /// <summary>Books the patient in, then checks them in, sees and completes them at the given times (the clock moves there).</summary>
    public async Task<int> CompletedVisitAsync(int patientId, DateTime startUtc, DateTime completedUtc, CancellationToken ct, bool noShow = false)
    {
        if (Time.GetUtcNow().UtcDateTime < startUtc.AddHours(-3))
            SetNow(startUtc.AddHours(-3));
        int appointmentId;
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var serviceId = await db.ClinicServices.Where(s => s.Name == "Blood pressure review").Select(s => s.Id).SingleAsync(ct);
            var booked = await scope.ServiceProvider.GetRequiredService<BookingService>()
                .BookAsync(new BookAppointment(patientId, serviceId, null, startUtc, InteractionChannel.Web, null), ct);
            Assert.True(booked.IsSuccess, $"Booking failed: {booked.Status}");
            appointmentId = booked.AppointmentId!.Value;
        }
        if (noShow)
        {
            SetNow(startUtc.AddMinutes(30));
            await AdvanceAsync(appointmentId, FlowStep.NoShow, ct);
            return appointmentId;
        }
        SetNow(startUtc.AddMinutes(-5));
        await AdvanceAsync(appointmentId, FlowStep.Arrived, ct);
        SetNow(startUtc.AddMinutes(5));
        await AdvanceAsync(appointmentId, FlowStep.InRoom, ct);
        SetNow(completedUtc);
        await AdvanceAsync(appointmentId, FlowStep.Completed, ct);
        return appointmentId;
    }

    private async Task AdvanceAsync(int appointmentId, FlowStep step, CancellationToken ct)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<VisitFlow>().AdvanceAsync(appointmentId, step, null, null, ct);
        Assert.True(result.IsSuccess, $"{step} failed: {result.Status}");
    }

    public async Task<int> RunSurveyJobAsync(CancellationToken ct)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SurveyDispatcher>().RunOnceAsync(ct);
    }

    public Task<SurveyInvitation?> InvitationForAsync(int appointmentId, CancellationToken ct) =>
        WithDbAsync(db => db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.AppointmentId == appointmentId, ct));

    public async Task<List<PatientExperience.Core.Email.OutboxMessage>> SurveyEmailsAsync(string email, CancellationToken ct) =>
        [.. (await this.MessagesToAsync(email, ct)).Where(m => m.TextBody.Contains("/survey/", StringComparison.Ordinal))];

    /// <summary>A patient with one completed visit whose invitation email has gone out; returns the link from the email.</summary>
    public async Task<(int PatientId, string Email, int AppointmentId, string Link)> InvitedAsync(string prefix, DateTime startUtc, CancellationToken ct, string language = "en")
    {
        var (patientId, email) = await CreatePatientAsync(prefix, ct, language);
        var appointmentId = await CompletedVisitAsync(patientId, startUtc, startUtc.AddMinutes(20), ct);
        SetNow(startUtc.AddMinutes(20).AddHours(2).AddMinutes(1));
        await RunSurveyJobAsync(ct);
        var invitation = Assert.Single(await SurveyEmailsAsync(email, ct));
        return (patientId, email, appointmentId, OutboxReader.LinkIn(invitation));
    }
}
