using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Interactions;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Appointments;

/// <summary>Shared steps. Each test class below has its own portal, because both move its clock forward.</summary>
public abstract class ReminderTestBase(BookingFactory factory)
{
    protected BookingFactory Factory => factory;

    protected async Task<int> RunRemindersAsync(CancellationToken ct)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderProcessor>().RunOnceAsync(ct);
    }

    protected async Task<(int Id, string Email)> BookAsync(string prefix, DateTime startUtc, CancellationToken ct)
    {
        var email = (await factory.CreatePatientsAsync(prefix, 1, ct))[0];
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientExperience.Infrastructure.Data.AppDbContext>();
        var patientId = await db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct);
        var serviceId = await db.ClinicServices.Where(s => s.Name == "Blood pressure review").Select(s => s.Id).SingleAsync(ct);
        var result = await scope.ServiceProvider.GetRequiredService<BookingService>()
            .BookAsync(new BookAppointment(patientId, serviceId, null, startUtc, InteractionChannel.Web, null), ct);
        Assert.True(result.IsSuccess, result.Status.ToString());
        return (result.AppointmentId!.Value, email);
    }

    protected async Task<List<PatientExperience.Core.Email.OutboxMessage>> RemindersToAsync(string email, CancellationToken ct) =>
        [.. (await factory.MessagesToAsync(email, ct)).Where(m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal))];

}

public class ReminderTests(BookingFactory factory) : ReminderTestBase(factory), IClassFixture<BookingFactory>
{
    [Fact]
    public async Task ReminderGoesOutOnceADayBeforeEvenWithTwoSendersAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var start = new DateTime(2026, 11, 27, 15, 0, 0, DateTimeKind.Utc); // Friday 10:00 New York
        var (id, email) = await BookAsync("remind", start, ct);

        Factory.Time.SetUtcNow(new DateTimeOffset(start.AddHours(-24).AddMinutes(-1), TimeSpan.Zero));
        await RunRemindersAsync(ct);
        Assert.Empty(await RemindersToAsync(email, ct));

        Factory.Time.Advance(TimeSpan.FromMinutes(2));
        // Two app instances sweep at the same moment.
        await Task.WhenAll(Task.Run(() => RunRemindersAsync(ct), ct), Task.Run(() => RunRemindersAsync(ct), ct));
        await RunRemindersAsync(ct); // and a restarted one later
        var reminder = Assert.Single(await RemindersToAsync(email, ct));
        Assert.Contains("Friday, November 27, 2026, 10:00 AM (Eastern Time)", reminder.TextBody);
        Assert.Contains("BEGIN:VCALENDAR", Encoding.UTF8.GetString(reminder.AttachmentContent!));
    }

}
