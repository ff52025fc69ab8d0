using PatientExperience.Core.Complaints;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// The complaints (or service-recovery cases) received over one clinic-local day, ISO week or month about one
/// department, concerned staff member, category, severity and kind: how many, how many acknowledged and answered (and
/// of those, within their deadlines), resolved, by status, and the calendar days each resolved one took (UTC days, as
/// the complaints section has always counted them), and how many are still open. Day, week and month rows exist per
/// service of the visit complained about and for all services (<see cref="AllServices"/>). Everything here is fixed by
/// the complaint itself; what depends on the clock (overdue, due soon, due by now but not given) the dashboard reads live
/// from the complaints whose deadline has come, through indexes ordered by deadline. Kept current by
/// <see cref="ComplaintRollups"/> as complaints are saved.
/// </summary>
public class ComplaintRollup
{
    public const int AllServices = 0;

    /// <summary><see cref="DepartmentId"/> or <see cref="ClinicianId"/> of complaints about no department or person.</summary>
    public const int None = 0;

    /// <summary>
    /// <see cref="CategoryId"/> (with <see cref="AllSeverities"/>) of the rows that hold every category and severity of
    /// one department, person and kind together: the dashboard merges their histograms (days to resolve, statuses)
    /// from these few rows, and sums the counts of the detailed rows in the database.
    /// </summary>
    public const int AllCategories = 0;
    public const ComplaintSeverity AllSeverities = 0;

    private ComplaintRollup() { }

    public ComplaintRollup(RollupGrain grain, DateOnly start, int serviceId, ComplaintRollupKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Grain = grain;
        Start = start;
        ServiceId = serviceId;
        DepartmentId = key.DepartmentId;
        ClinicianId = key.ClinicianId;
        CategoryId = key.CategoryId;
        Severity = key.Severity;
        Kind = key.Kind;
    }

    public RollupGrain Grain { get; private set; }
    /// <summary>The first clinic-local day of the period (a day, a Monday or the 1st), by the day received.</summary>
    public DateOnly Start { get; private set; }
    /// <summary>The service of the visit complained about, or <see cref="AllServices"/>.</summary>
    public int ServiceId { get; private set; }
    public int DepartmentId { get; private set; }
    /// <summary>The staff member the complaints are about (<see cref="Complaint.ConcernedStaffMemberId"/>), or <see cref="None"/>.</summary>
    public int ClinicianId { get; private set; }
    public int CategoryId { get; private set; }
    public ComplaintSeverity Severity { get; private set; }
    public ComplaintKind Kind { get; private set; }

    public int Received { get; private set; }
    public int Acknowledged { get; private set; }
    public int AcknowledgedOnTime { get; private set; }
    /// <summary>A written response sent, or resolved.</summary>
    public int Answered { get; private set; }
    public int AnsweredOnTime { get; private set; }
    public int Resolved { get; private set; }
    /// <summary>Not resolved or closed now (new, acknowledged, investigating or waiting for the patient).</summary>
    public int Open { get; private set; }
    /// <summary>How many are in each <see cref="ComplaintStatus"/> now, by <see cref="Histogram.ToBytes"/>.</summary>
    public byte[] Statuses { get; private set; } = [];
    /// <summary>Resolved ones: calendar days from the day received to the day resolved, by <see cref="Histogram.ToBytes"/>.</summary>
    public byte[] DaysToResolve { get; private set; } = [];
    /// <summary>
    /// How many were received of each <see cref="ComplaintSeverity"/>, by <see cref="Histogram.ToBytes"/>: on the
    /// all-categories rows, the trend by severity reads these instead of every category row.
    /// </summary>
    public byte[] Severities { get; private set; } = [];

    public ComplaintRollupKey KeyOf() => new(DepartmentId, ClinicianId, CategoryId, Severity, Kind);

    public void Set(ComplaintTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        Received = tally.Received;
        Acknowledged = tally.Acknowledged;
        AcknowledgedOnTime = tally.AcknowledgedOnTime;
        Answered = tally.Answered;
        AnsweredOnTime = tally.AnsweredOnTime;
        Resolved = tally.Resolved;
        Open = tally.Open;
        Statuses = tally.Statuses.ToBytes();
        DaysToResolve = tally.DaysToResolve.ToBytes();
        Severities = tally.Severities.ToBytes();
    }
}

