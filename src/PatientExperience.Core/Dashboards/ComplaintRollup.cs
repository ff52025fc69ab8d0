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

/// <summary>What a complaint is counted under, apart from its day and service (<see cref="ComplaintRollup.None"/> for none).</summary>
public sealed record ComplaintRollupKey(int DepartmentId, int ClinicianId, int CategoryId, ComplaintSeverity Severity, ComplaintKind Kind)
{
    /// <summary>The row of every category and severity this key counts in too.</summary>
    public ComplaintRollupKey All => this with { CategoryId = ComplaintRollup.AllCategories, Severity = ComplaintRollup.AllSeverities };

    public static ComplaintRollupKey Of(int? departmentId, int? concernedStaffMemberId, int categoryId, ComplaintSeverity severity, ComplaintKind kind) =>
        new(departmentId ?? ComplaintRollup.None, concernedStaffMemberId ?? ComplaintRollup.None, categoryId, severity, kind);
}

/// <summary>The counts of one rollup cell while it is being built (from complaints, or from day rows).</summary>
public sealed class ComplaintTally
{
    public int Received { get; private set; }
    public int Acknowledged { get; private set; }
    public int AcknowledgedOnTime { get; private set; }
    public int Answered { get; private set; }
    public int AnsweredOnTime { get; private set; }
    public int Resolved { get; private set; }
    public int Open { get; private set; }
    public Histogram Statuses { get; } = new();
    public Histogram DaysToResolve { get; } = new();
    public Histogram Severities { get; } = new();

    /// <summary>One complaint, with the same formulas the complaints section uses.</summary>
    public void Add(ComplaintFacts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        Received++;
        Severities.Add((int)c.Severity);
        if (c.AcknowledgedAtUtc is { } acknowledged)
        {
            Acknowledged++;
            if (acknowledged <= c.AcknowledgeDueAtUtc)
                AcknowledgedOnTime++;
        }
        if ((c.ResponseSentAtUtc ?? c.ResolvedAtUtc) is { } answered)
        {
            Answered++;
            if (answered <= c.ResponseDueAtUtc)
                AnsweredOnTime++;
        }
        if (c.ResolvedAtUtc is { } resolved)
        {
            Resolved++;
            DaysToResolve.Add(Math.Clamp((int)(resolved.Date - c.ReceivedAtUtc.Date).TotalDays, 0, Histogram.MaxValue));
        }
        if (IsOpen(c.Status, c.ResolvedAtUtc))
            Open++;
        Statuses.Add((int)c.Status);
    }

    /// <summary>Open: not resolved, and not in a resolved or closed status (what "Open now" counts).</summary>
    public static bool IsOpen(ComplaintStatus status, DateTime? resolvedAtUtc) =>
        resolvedAtUtc is null && status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed);

    /// <summary>A stored row (a day into its week or month).</summary>
    public void Add(ComplaintRollup row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Received += row.Received;
        Acknowledged += row.Acknowledged;
        AcknowledgedOnTime += row.AcknowledgedOnTime;
        Answered += row.Answered;
        AnsweredOnTime += row.AnsweredOnTime;
        Resolved += row.Resolved;
        Open += row.Open;
        Statuses.AddBytes(row.Statuses);
        DaysToResolve.AddBytes(row.DaysToResolve);
        Severities.AddBytes(row.Severities);
    }
}

/// <summary>The columns of a complaint a rollup counts.</summary>
public sealed record ComplaintFacts(
    DateTime ReceivedAtUtc, int? DepartmentId, int? ConcernedStaffMemberId, int CategoryId, ComplaintSeverity Severity, ComplaintKind Kind,
    ComplaintStatus Status, DateTime? AcknowledgedAtUtc, DateTime AcknowledgeDueAtUtc, DateTime? ResponseSentAtUtc, DateTime? ResolvedAtUtc,
    DateTime ResponseDueAtUtc, int? ServiceId)
{
    public ComplaintRollupKey Key => ComplaintRollupKey.Of(DepartmentId, ConcernedStaffMemberId, CategoryId, Severity, Kind);
}
