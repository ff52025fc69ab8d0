using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;

namespace PatientExperience.IntegrationTests.Appointments;

public class ReminderChangeTests(BookingFactory factory) : ReminderTestBase(factory), IClassFixture<BookingFactory>
{
    [Fact]
    public async Task CancelledAppointmentGetsNoReminderAndMovedOneGetsAFreshOne()
    {
        var ct = TestContext.Current.CancellationToken;
        Factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero)); // Monday 30 Nov, 08:00 New York
        var cancelled = await BookAsync("nocall", new DateTime(2026, 12, 3, 15, 0, 0, DateTimeKind.Utc), ct);
        var moved = await BookAsync("moved", new DateTime(2026, 12, 3, 16, 0, 0, DateTimeKind.Utc), ct);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<BookingService>();
            Assert.True((await service.CancelAsync(cancelled.Id, null, "No longer needed", true, null, ct)).IsSuccess);
        }
        // The first reminder for the original time goes out, then the visit moves two days later.
        Factory.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 16, 5, 0, TimeSpan.Zero));
        await RunRemindersAsync(ct);
        Assert.Single(await RemindersToAsync(moved.Email, ct));
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<BookingService>();
            var result = await service.MoveAsync(moved.Id, null, null, new DateTime(2026, 12, 7, 16, 0, 0, DateTimeKind.Utc), true, null, ct);
            Assert.True(result.IsSuccess, result.Status.ToString());
        }

        Factory.Time.SetUtcNow(new DateTimeOffset(2026, 12, 6, 16, 5, 0, TimeSpan.Zero));
        await RunRemindersAsync(ct);
        Assert.Empty(await RemindersToAsync(cancelled.Email, ct));
        var reminders = await RemindersToAsync(moved.Email, ct);
        Assert.Equal(2, reminders.Count);
        Assert.Contains("Monday, December 7, 2026, 11:00 AM (Eastern Time)", reminders[1].TextBody);
    }
}
