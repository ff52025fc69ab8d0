using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Infrastructure.Data;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Flow;

/// <summary>
/// A day of Sam's (clinician@demo.test) follow-up visits, booked through the real booking service, for the check-in
/// and running-late tests. Each test takes a later day than any before it, because the portal's clock only moves on.
/// </summary>
internal static class FlowDay
{
    public const string Sam = "clinician@demo.test";

    /// <summary>A patient made straight in the database (no login: the links they get need none).</summary>
    public static Task<(int Id, string Email, string Phone)> PatientAsync(BookingFactory factory, string lastName, string language, VisitMessages messages, CancellationToken ct) =>
        factory.WithDbAsync(async db =>
        {
            var n = Interlocked.Increment(ref _phones);
            var phone = $"+1555010{n:D4}";
            var email = $"{lastName.ToLowerInvariant().Replace(' ', '.')}.{n}@example.com";
            var patient = new Patient("Ana", lastName, new DateOnly(1975, 5, 5), phone, email, language);
            patient.SetVisitMessages(messages, phoneCanText: true);
            db.Patients.Add(patient);
            await db.SaveChangesAsync(ct);
            return (patient.Id, email, phone);
        });

    private static int _phones = 7000;

    /// <summary>
    /// Books <paramref name="patients"/> back to back with Sam on the first working day after the clock's day that has
    /// room for them all, each at the first free time after the one before ends. Returns the visits in order.
    /// </summary>
    public static async Task<IReadOnlyList<Appointment>> BookBackToBackAsync(BookingFactory factory, IReadOnlyList<int> patients, CancellationToken ct)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var availability = scope.ServiceProvider.GetRequiredService<Availability>();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        var sam = await db.StaffMembers.Where(s => s.Email == Sam).Select(s => s.Id).SingleAsync(ct);
        var serviceId = await db.ClinicServices.Where(s => s.Name == "Follow-up appointment").Select(s => s.Id).SingleAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(factory.Time.GetUtcNow().UtcDateTime, NewYorkTime.Zone));
        foreach (var day in (await availability.SlotsAsync(serviceId, sam, today.AddDays(1), 14, ct)).Where(d => d.Slots.Count >= patients.Count * 3))
        {
            var ids = new List<int>();
            var after = day.Slots[0].StartUtc;
            foreach (var patientId in patients)
            {
                var free = (await availability.SlotsAsync(serviceId, sam, day.Date, 1, ct)).SelectMany(d => d.Slots).FirstOrDefault(s => s.StartUtc >= after);
                if (free is null)
                    break;
                var result = await booking.BookAsync(new BookAppointment(patientId, serviceId, sam, free.StartUtc, InteractionChannel.Web, null), ct);
                Assert.True(result.IsSuccess, result.Status.ToString());
                ids.Add(result.AppointmentId!.Value);
                after = free.Slot.EndUtc;
            }
            if (ids.Count == patients.Count)
                return await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.StartUtc).ToListAsync(ct);
        }
        throw new InvalidOperationException("No day in the next two weeks has room for these visits with Sam.");
    }

    public static void At(BookingFactory factory, DateTime utc) => factory.Time.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));

    public static async Task<int> RunAsync<TJob>(BookingFactory factory, CancellationToken ct) where TJob : Core.Common.IPeriodicJob
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TJob>().RunOnceAsync(ct);
    }

    public static async Task AdvanceAsync(BookingFactory factory, int appointmentId, FlowStep step, CancellationToken ct)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<VisitFlow>().AdvanceAsync(appointmentId, step, null, null, ct);
        Assert.True(result.IsSuccess, result.Status.ToString());
    }

    public static async Task<Browser> SignedInAsync(PortalFactory factory, string email, CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        return browser;
    }
}
