using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Interactions;
using PatientExperience.DataGenerator;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>
/// The portal at Monday 23 November 2026 with visits whose no-show rates are known, so the statistics on the dashboard
/// have known answers. "Last 30 days" (25 October to 23 November) against the 30 days before:
/// Family Medicine 6 no-shows in 60 visits (previously 24 in 60), Cardiology 30 in 60 (previously 30 in 60),
/// Dermatology 3 in 12 (previously 3 in 12). Completed visits wait 10 minutes.
/// </summary>
public sealed class StatisticsFactory : GeneratedDataFactory
{
    public const string Falling = "Family Medicine";
    public const string Steady = "Cardiology";
    public const string Small = "Dermatology";

    protected override int Seed => 3;

    protected override async Task GenerateAsync(GeneratorContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var zone = context.Clock.Zone;
        var today = context.Clock.Today;
        var patient = await db.Patients.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(cancellationToken);
        var visits = new List<Appointment>();
        async Task AddAsync(string department, int firstDayBack, int count, int noShows)
        {
            var departmentId = await db.Departments.Where(d => d.Name == department).Select(d => d.Id).SingleAsync(cancellationToken);
            var clinician = await db.StaffMembers.Where(s => s.IsClinician && s.DepartmentId == departmentId).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(cancellationToken);
            var service = await db.ClinicServices.Where(s => s.DepartmentId == departmentId).OrderBy(s => s.Id).FirstAsync(cancellationToken);
            for (var i = 0; i < count; i++)
            {
                // Spread over 28 days of the period, one visit every half hour from 08:00.
                var local = today.AddDays(-firstDayBack - (i % 28)).ToDateTime(new TimeOnly(8, 0)).AddMinutes(30 * (i / 28));
                var startUtc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
                var visit = new Appointment(patient, clinician, service.Id,
                    new Slot(startUtc, startUtc.AddMinutes(service.DurationMinutes), startUtc, startUtc.AddMinutes(service.DurationMinutes), local),
                    InteractionChannel.Phone, TimeSpan.FromHours(24)) { CreatedAtUtc = startUtc.AddDays(-7) };
                if (i < noShows)
                {
                    visit.MarkNoShow(startUtc.AddMinutes(30), TimeSpan.FromMinutes(15));
                }
                else
                {
                    visit.MarkArrived(startUtc.AddMinutes(-5));
                    visit.MarkInRoom(startUtc.AddMinutes(10));
                    visit.Complete(startUtc.AddMinutes(30));
                }
                visits.Add(visit);
            }
        }
        await AddAsync(Falling, 1, 60, 6);
        await AddAsync(Falling, 31, 60, 24);
        await AddAsync(Steady, 1, 60, 30);
        await AddAsync(Steady, 31, 60, 30);
        await AddAsync(Small, 1, 12, 3);
        await AddAsync(Small, 31, 12, 3);
        db.Appointments.AddRange(visits);
        await db.SaveChangesAsync(cancellationToken);
        await services.GetRequiredService<AppointmentRollups>().RebuildAllAsync(cancellationToken);
    }
}
