using PatientExperience.Core.Appointments;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Visits of one clinician (in one department) over one clinic-local day, week or month: how many were completed, how
/// many were no-shows, and every completed visit's wait in whole minutes as a <see cref="Histogram"/>.
/// Day, week and month rows exist per service (<see cref="ServiceId"/> &gt; 0) and for all services together
/// (<see cref="AllServices"/>). The dashboard reads whole weeks or months plus the days at the edges of a period, with or
/// without a service chosen, so its cost follows clinicians × (weeks or months), not the number of visits.
/// Kept current by <see cref="AppointmentRollups"/> (after each completion or no-show, and by a periodic sweep).
/// </summary>
public class AppointmentRollup
{
    /// <summary><see cref="ServiceId"/> of the rows that cover every service.</summary>
    public const int AllServices = 0;

    private AppointmentRollup() { }

    public AppointmentRollup(RollupGrain grain, DateOnly start, int clinicianId, int serviceId, int departmentId)
    {
        Grain = grain;
        Start = start;
        ClinicianId = clinicianId;
        ServiceId = serviceId;
        DepartmentId = departmentId;
    }

    public RollupGrain Grain { get; private set; }
    /// <summary>The first clinic-local day of the period (a day, a Monday or the 1st), by the visits' scheduled start.</summary>
    public DateOnly Start { get; private set; }
    public int ClinicianId { get; private set; }
    /// <summary>A service, or <see cref="AllServices"/>.</summary>
    public int ServiceId { get; private set; }
    /// <summary>The services' department (copied so the dashboard filters without a join).</summary>
    public int DepartmentId { get; private set; }
    public int Completed { get; private set; }
    public int NoShows { get; private set; }
    /// <summary>Completed visits' waits (see <see cref="WaitTimes.Minutes"/>), stored by <see cref="Histogram.ToBytes"/>.</summary>
    public byte[] WaitHistogram { get; private set; } = [];
    /// <summary>Completed visits whose patient checked in from their phone (<see cref="Appointment.ArrivedFromPhone"/>).</summary>
    public int PhoneCheckIns { get; private set; }
    /// <summary>Completed visits whose patient was told their clinician was running late (any <see cref="LateNotice"/>).</summary>
    public int ToldLate { get; private set; }
    /// <summary>Completed and missed visits whose reminder went by text (<see cref="Appointment.ReminderTexted"/>).</summary>
    public int TextReminders { get; private set; }
    /// <summary>Of those, the ones the patient confirmed by replying C (<see cref="Appointment.ConfirmedByTextAtUtc"/>).</summary>
    public int ConfirmedByText { get; private set; }

    public void Set(int completed, int noShows, Histogram waits, int phoneCheckIns = 0, int toldLate = 0, int textReminders = 0, int confirmedByText = 0)
    {
        TextReminders = textReminders;
        ConfirmedByText = confirmedByText;
        Completed = completed;
        NoShows = noShows;
        WaitHistogram = waits.ToBytes();
        PhoneCheckIns = phoneCheckIns;
        ToldLate = toldLate;
    }
}

