using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Interactions;
using PatientExperience.Infrastructure.Data;
using PatientExperience.IntegrationTests.Surveys;

namespace PatientExperience.IntegrationTests.Patients;

/// <summary>
/// The patient's next visit (their home page's card) is the soonest booked one, whatever order it was booked in, and
/// costs two reads: the row with the visit itself, then its place.
/// </summary>
public class NextVisitReadsTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Commands { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task TheNextVisitIsTheSoonestBookedOneReadInTwoCommands()
    {
        var ct = TestContext.Current.CancellationToken;
        var (patientId, _) = await factory.CreatePatientAsync("nextvisit", ct);
        var sooner = factory.WeekdayUtc(2, 10);
        var later = factory.WeekdayUtc(3, 14);
        await using var scope = factory.Services.CreateAsyncScope();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        var serviceId = await factory.WithDbAsync(db => db.ClinicServices.Where(s => s.Name == "Blood pressure review").Select(s => s.Id).SingleAsync(ct));
        foreach (var start in new[] { later, sooner })
        {
            var booked = await booking.BookAsync(new BookAppointment(patientId, serviceId, null, start, InteractionChannel.Web, null), ct);
            Assert.True(booked.IsSuccess, $"Booking failed: {booked.Status}");
        }

        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<AppDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>())
            .AddInterceptors(counter).Options;
        await using var db = new AppDbContext(options);
        var queries = new AppointmentQueries(db, new DepartmentQueries(db), scope.ServiceProvider.GetRequiredService<ClinicClock>(),
            scope.ServiceProvider.GetRequiredService<IOptions<BookingOptions>>());

        var next = await queries.NextAsync(patientId, ct);

        Assert.NotNull(next);
        Assert.Equal(sooner, next.Row.StartUtc);
        Assert.Equal(next.Row.Id, next.Appointment.Id);
        Assert.True(next.Appointment.EndUtc > sooner);
        Assert.Equal("Blood pressure review", next.Row.Service);
        Assert.NotNull(next.Row.Place);
        Assert.Equal(2, counter.Commands);
    }
}
