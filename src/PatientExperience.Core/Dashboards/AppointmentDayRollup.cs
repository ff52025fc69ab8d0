using PatientExperience.Core.Appointments;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// One clinic-local day of one clinician's visits for one service: how many were completed, how many were no-shows,
/// and every completed visit's wait in whole minutes as a <see cref="Histogram"/>. The dashboard reads these instead of
/// the appointments, so its cost follows days × clinicians × services, not the number of visits.
/// Kept current by <see cref="AppointmentRollups"/> (after each completion or no-show, and by a periodic sweep).
/// </summary>
public class AppointmentDayRollup
{
    private AppointmentDayRollup() { }

    public AppointmentDayRollup(DateOnly day, int clinicianId, int serviceId, int departmentId)
    {
        Day = day;
        ClinicianId = clinicianId;
        ServiceId = serviceId;
        DepartmentId = departmentId;
    }

    /// <summary>The clinic-local day of the scheduled start.</summary>
    public DateOnly Day { get; private set; }
    public int ClinicianId { get; private set; }
    public int ServiceId { get; private set; }
    /// <summary>The service's department (copied so the dashboard filters without a join).</summary>
    public int DepartmentId { get; private set; }
    public int Completed { get; private set; }
    public int NoShows { get; private set; }
    /// <summary>Completed visits' waits (see <see cref="WaitTimes.Minutes"/>): <see cref="Histogram.ToBytes"/>.</summary>
    public byte[] WaitHistogram { get; private set; } = [];

    public void Set(int departmentId, int completed, int noShows, Histogram waits)
    {
        DepartmentId = departmentId;
        Completed = completed;
        NoShows = noShows;
        WaitHistogram = waits.ToBytes();
    }
}

public static class WaitTimes
{
    /// <summary>Minutes waited, as <see cref="Appointment.WaitMinutes"/>: seen − max(arrived, scheduled start), never negative.</summary>
    public static int? Minutes(DateTime startUtc, DateTime? arrivedAtUtc, DateTime? seenAtUtc) =>
        arrivedAtUtc is { } arrived && seenAtUtc is { } seen
            ? (int)Math.Max(0, (seen - (arrived > startUtc ? arrived : startUtc)).TotalMinutes)
            : null;

    /// <summary>The wait bands managers asked for (minutes, lower bound included, upper excluded).</summary>
    public static readonly IReadOnlyList<(string Label, int From, int To)> Bands =
    [
        ("0–10 minutes", 0, 10),
        ("10–20 minutes", 10, 20),
        ("20–40 minutes", 20, 40),
        ("40 minutes or more", 40, Histogram.MaxValue + 1),
    ];
}
