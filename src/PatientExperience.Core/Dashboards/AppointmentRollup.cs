using PatientExperience.Core.Appointments;

namespace PatientExperience.Core.Dashboards;

/// <summary>How long a rollup row's period is.</summary>
public enum RollupGrain
{
    Day = 1,
    /// <summary>An ISO week, Monday to Sunday.</summary>
    Week = 2,
    /// <summary>A calendar month.</summary>
    Month = 3,
}

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

/// <summary>One range of days to read at one grain.</summary>
public sealed record RollupPiece(RollupGrain Grain, DateOnly From, DateOnly To);

public static class RollupPlan
{
    public static RollupGrain GrainOf(TrendGrain trend) => trend == TrendGrain.Month ? RollupGrain.Month : RollupGrain.Week;

    public static DateOnly PeriodStart(DateOnly day, RollupGrain grain) => grain switch
    {
        RollupGrain.Week => ClinicDays.BucketStart(day, TrendGrain.Week),
        RollupGrain.Month => ClinicDays.BucketStart(day, TrendGrain.Month),
        _ => day,
    };

    public static DateOnly PeriodEnd(DateOnly start, RollupGrain grain) => grain switch
    {
        RollupGrain.Week => start.AddDays(6),
        RollupGrain.Month => start.AddMonths(1).AddDays(-1),
        _ => start,
    };

    /// <summary>
    /// Few rows that cover from..to exactly: whole weeks or months (<paramref name="grain"/>) inside it, and for the days
    /// before the first and after the last whole one, whole weeks that lie inside one month (so each still falls in one
    /// trend bucket) and day rows for the rest. Each piece's rows have <c>Start</c> in From..To.
    /// </summary>
    public static IReadOnlyList<RollupPiece> Pieces(DateOnly from, DateOnly to, RollupGrain grain) => Cover(from, to, grain, keepBuckets: true);

    /// <summary>
    /// The fewest rows that cover from..to exactly, for a period's totals (the previous period, which has no trend):
    /// whole months inside it, whole weeks at its edges (a week may straddle two months here) and day rows for the rest.
    /// </summary>
    public static IReadOnlyList<RollupPiece> Totals(DateOnly from, DateOnly to) => Cover(from, to, RollupGrain.Month, keepBuckets: false);

    /// <summary>The rows a section reads for the filter's own period: its trend's grain, so every row falls in one bucket.</summary>
    public static IReadOnlyList<RollupPiece> ForTrend(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Pieces(filter.From, filter.To, GrainOf(filter.Grain));
    }

    /// <summary>The rows a section reads for the previous period, which only needs totals.</summary>
    public static IReadOnlyList<RollupPiece> ForTotals(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Totals(filter.From, filter.To);
    }

    private static List<RollupPiece> Cover(DateOnly from, DateOnly to, RollupGrain grain, bool keepBuckets)
    {
        if (from > to)
            return [];
        if (grain == RollupGrain.Day)
            return [new RollupPiece(RollupGrain.Day, from, to)];
        var firstWhole = PeriodStart(from, grain) == from ? from : PeriodEnd(PeriodStart(from, grain), grain).AddDays(1);
        var lastWholeStart = PeriodStart(to, grain) is var s && PeriodEnd(s, grain) == to ? s : PeriodStart(PeriodStart(to, grain).AddDays(-1), grain);
        if (firstWhole > lastWholeStart || PeriodEnd(lastWholeStart, grain) > to)
            return Edge(from, to, grain, keepBuckets);
        var pieces = new List<RollupPiece>();
        if (from < firstWhole)
            pieces.AddRange(Edge(from, firstWhole.AddDays(-1), grain, keepBuckets));
        pieces.Add(new RollupPiece(grain, firstWhole, lastWholeStart));
        var afterWhole = PeriodEnd(lastWholeStart, grain).AddDays(1);
        if (afterWhole <= to)
            pieces.AddRange(Edge(afterWhole, to, grain, keepBuckets));
        return pieces;
    }

    /// <summary>
    /// Days not covered by whole rows of <paramref name="grain"/>: day rows, or, for months, whole weeks plus day rows.
    /// To keep trend buckets, only weeks inside one month (a week inside one month lands in that month's bucket).
    /// </summary>
    private static List<RollupPiece> Edge(DateOnly from, DateOnly to, RollupGrain grain, bool keepBuckets)
    {
        if (grain != RollupGrain.Month)
            return [new RollupPiece(RollupGrain.Day, from, to)];
        if (!keepBuckets)
            return Cover(from, to, RollupGrain.Week, keepBuckets);
        var pieces = new List<RollupPiece>();
        for (var start = from; start <= to;)
        {
            var monthEnd = PeriodEnd(PeriodStart(start, RollupGrain.Month), RollupGrain.Month);
            var end = monthEnd < to ? monthEnd : to;
            pieces.AddRange(Cover(start, end, RollupGrain.Week, keepBuckets));
            start = end.AddDays(1);
        }
        return pieces;
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
