using PatientExperience.Core.Complaints;
using GroupRow = PatientExperience.Core.Dashboards.ComplaintsSectionFacts.GroupRow;
using HistogramRow = PatientExperience.Core.Dashboards.ComplaintsSectionFacts.HistogramRow;
using Tally = PatientExperience.Core.Dashboards.ComplaintsSection.Tally;
using TrendRow = PatientExperience.Core.Dashboards.ComplaintsSectionFacts.TrendRow;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Shape, for <see cref="ComplaintsSection"/>: pure builders that turn its <see cref="ComplaintsSectionFacts"/> into metrics,
/// tables and charts (no database, no clock), one method per table, tested on hand-made rows as <see cref="DashboardMath"/> is.
/// </summary>
public static class ComplaintsTables
{
    private static readonly DashboardColumn[] TallyColumns =
    [
        new("received", "Received", ValueKind.Count),
        new("acknowledged", "Acknowledged within deadline", ValueKind.Percent),
        new("acknowledgedci", "Acknowledged 95% interval", ValueKind.Interval),
        new("acknowledgedn", "Acknowledgements due (n)", ValueKind.Count),
        new("answered", "Answered within deadline", ValueKind.Percent),
        new("answeredci", "Answered 95% interval", ValueKind.Interval),
        new("answeredn", "Responses due (n)", ValueKind.Count),
        new("resolved", "Resolved", ValueKind.Count),
    ];

    private static readonly string[] HowWeCount =
    [
        "Complaints count in the period they were received. Open, due soon and overdue are as of now, whenever received.",
        "Acknowledged within deadline: acknowledged by the acknowledgement deadline ÷ complaints acknowledged or whose deadline has passed.",
        "Answered within deadline: response sent (or resolved) by the response deadline ÷ complaints answered or whose deadline has passed.",
        "Median days to resolve: calendar days from the day received to the day resolved, for resolved complaints (nearest-rank median).",
        "Service recovery cases are opened from low survey scores; they are counted apart from complaints.",
        "The clinician filter matches the staff member a complaint is about; the service filter, the visit it is about.",
    ];

    /// <summary>The whole section from its facts.</summary>
    public static DashboardSectionData Section(DashboardContext context, ComplaintsSectionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(facts);
        var complaints = Of(facts.Groups, ComplaintKind.Complaint);
        List<DashboardTable> siteTables = DashboardTables.ComparesSites(context) ? [BySite(facts, context.Lookups)] : [];
        var isEmpty = Sum(complaints).Received == 0 && Sum(Of(facts.Groups, ComplaintKind.ServiceRecovery)).Received == 0 && facts.OpenNow.Values.Sum() == 0;
        return new DashboardSectionData(ComplaintsSection.Key, "Complaints", isEmpty,
            "No complaints received in this period for this filter, and none open.",
            Metrics(facts), Charts(),
            [
                .. siteTables, ByCategory(complaints, facts.Categories), BySeverity(complaints), ByDepartment(facts, context.Lookups),
                Trend(context.Filter, facts.Trend), Recovery(facts.Groups, facts.Histograms),
            ],
            HowWeCount);
    }

    /// <summary>The counts of the groups of one kind (complaints, or service recovery cases).</summary>
    public static IReadOnlyList<GroupRow> Of(IEnumerable<GroupRow> groups, ComplaintKind kind)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return [.. groups.Where(g => g.Kind == kind)];
    }

    /// <summary>The counts of some groups added up.</summary>
    public static Tally Sum(IEnumerable<GroupRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var tally = new Tally();
        foreach (var row in rows)
        {
            tally.Add(new Tally
            {
                Received = row.Received,
                AcknowledgedOnTime = row.AcknowledgedOnTime,
                AcknowledgementDue = row.AcknowledgementDue,
                AnsweredOnTime = row.AnsweredOnTime,
                ResponseDue = row.ResponseDue,
                Resolved = row.Resolved,
            });
        }
        return tally;
    }

    /// <summary>Days to resolve of the complaints (not service recovery cases) of some histogram rows.</summary>
    public static Histogram DaysToResolve(IEnumerable<HistogramRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var days = new Histogram();
        foreach (var row in rows.Where(r => r.Kind == ComplaintKind.Complaint))
            days.AddBytes(row.DaysToResolve);
        return days;
    }

    /// <summary>The headline figures: received, within deadline, median days to resolve, as of now, praise, and service recovery resolved.</summary>
    public static IReadOnlyList<DashboardMetric> Metrics(ComplaintsSectionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var current = Sum(Of(facts.Groups, ComplaintKind.Complaint));
        var before = Sum(Of(facts.PreviousGroups, ComplaintKind.Complaint));
        var days = DaysToResolve(facts.Histograms);
        var previousDays = DaysToResolve(facts.PreviousHistograms);
        var openTotal = facts.OpenNow.Values.Sum();
        var (praise, previousPraise) = (facts.Praise.Values.Sum(), facts.PreviousPraise.Values.Sum());
        var recovery = Sum(Of(facts.Groups, ComplaintKind.ServiceRecovery));
        var recoveryBefore = Sum(Of(facts.PreviousGroups, ComplaintKind.ServiceRecovery));
        return
        [
            new("Complaints received", ValueKind.Count, current.Received, current.Received, before.Received, before.Received),
            DashboardMetric.Proportion("Acknowledged within deadline", current.AcknowledgedRate, before.AcknowledgedRate),
            DashboardMetric.Proportion("Answered within deadline", current.AnsweredRate, before.AnsweredRate),
            new("Median days to resolve", ValueKind.Count, DashboardMath.Median(days), days.Total, DashboardMath.Median(previousDays), previousDays.Total),
            new("Open now", ValueKind.Count, openTotal, openTotal, null, 0) { Headline = true },
            new("Overdue now", ValueKind.Count, facts.OverdueNow.Values.Sum(), openTotal, null, 0) { Headline = true },
            new("Due soon", ValueKind.Count, facts.DueSoonNow.Values.Sum(), openTotal, null, 0),
            new("Praise received", ValueKind.Count, praise, praise, previousPraise, previousPraise),
            DashboardMetric.Proportion("Service recovery cases resolved",
                DashboardMath.Rate(recovery.Resolved, recovery.Received), DashboardMath.Rate(recoveryBefore.Resolved, recoveryBefore.Received)),
        ];
    }

    /// <summary>One row per category with complaints, sorted by name (a category since deleted shows as its number).</summary>
    public static DashboardTable ByCategory(IEnumerable<GroupRow> complaints, IReadOnlyDictionary<int, string> categories)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        ArgumentNullException.ThrowIfNull(categories);
        return new DashboardTable(ComplaintsSection.ByCategoryTable, "Complaints by category",
            [new("category", "Category", ValueKind.Text), .. TallyColumns],
            [.. complaints.GroupBy(g => g.CategoryId)
                .Select(g => (object?[])[categories.TryGetValue(g.Key, out var name) ? name : $"#{g.Key}", .. Cells(Sum(g))])
                .OrderBy(r => (string)r[0]!, StringComparer.CurrentCultureIgnoreCase)]);
    }

    /// <summary>One row per severity, every severity, mild to severe.</summary>
    public static DashboardTable BySeverity(IReadOnlyList<GroupRow> complaints)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        return new DashboardTable(ComplaintsSection.BySeverityTable, "Complaints by severity",
            [new("severity", "Severity", ValueKind.Note), .. TallyColumns],
            [.. Enum.GetValues<ComplaintSeverity>()
                .Select(s => (object?[])[s.ToString(), .. Cells(Sum(complaints.Where(g => g.Severity == s)))])]);
    }

    /// <summary>
    /// One row per department with complaints, anything open, due or overdue now, or praise ("No department" for
    /// complaints about none), sorted by name: its tally, what is open now, praise, and its answered rate against the rest.
    /// </summary>
    public static DashboardTable ByDepartment(ComplaintsSectionFacts facts, DashboardLookups lookups)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        var sites = lookups.ComparesSites;
        var cells = GroupCells(facts);
        return new DashboardTable(ComplaintsSection.ByDepartmentTable, "Complaints by department",
            [new("department", "Department", ValueKind.Text), .. DashboardTables.SiteColumns(sites), .. GroupColumns("other departments")],
            [.. DepartmentIds(facts).Select(d => (object?[])[d == 0 ? "No department" : lookups.DepartmentName(d),
                    .. DashboardTables.SiteCells(lookups, sites, d), .. cells(x => x == d)])
                .OrderBy(r => (string)r[0]!, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r[1] as string, StringComparer.CurrentCultureIgnoreCase)]);
    }

    /// <summary>One row per site, its departments together, as departments are compared.</summary>
    public static DashboardTable BySite(ComplaintsSectionFacts facts, DashboardLookups lookups)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        var cells = GroupCells(facts);
        return DashboardTables.BySite(ComplaintsSection.BySiteTable, "Complaints by site", lookups, GroupColumns("other sites"),
            DepartmentIds(facts).Select(d => lookups.SiteOf(d)).Distinct().ToDictionary(site => site), site => cells(d => lookups.SiteOf(d) == site), site => site);
    }

    /// <summary>Complaints received per week or month of the period, by severity (empty weeks or months included).</summary>
    public static DashboardTable Trend(DashboardFilter filter, IEnumerable<TrendRow> rows)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(rows);
        var bySeverityInBucket = new Dictionary<(DateOnly Bucket, ComplaintSeverity Severity), long>();
        foreach (var row in rows)
        {
            var bucket = ClinicDays.BucketStart(row.Start, filter.Grain);
            foreach (var (severity, count) in Histogram.FromBytes(row.Severities).Entries())
            {
                var key = (bucket, (ComplaintSeverity)severity);
                bySeverityInBucket[key] = bySeverityInBucket.GetValueOrDefault(key) + count;
            }
        }
        var severities = Enum.GetValues<ComplaintSeverity>();
        return new DashboardTable(ComplaintsSection.TrendTable,
            filter.Grain == TrendGrain.Month ? "Complaints received by month" : "Complaints received by week",
            [
                new("period", filter.Grain == TrendGrain.Month ? "Month" : "Week starting", ValueKind.Text),
                new("received", "Received", ValueKind.Count),
                .. severities.Select(s => new DashboardColumn(s.ToString().ToLowerInvariant(), s.ToString(), ValueKind.Count)),
            ],
            [.. ClinicDays.Buckets(filter.From, filter.To, filter.Grain).Select(b =>
            {
                var counts = severities.Select(s => bySeverityInBucket.GetValueOrDefault((b, s))).ToList();
                return (object?[])[ClinicDays.BucketLabel(b, filter.Grain), counts.Sum(), .. counts.Cast<object?>()];
            })]);
    }

    /// <summary>Service recovery cases received in the period by their status now, each a share of the cases.</summary>
    public static DashboardTable Recovery(IEnumerable<GroupRow> groups, IEnumerable<HistogramRow> histograms)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(histograms);
        var statuses = new Histogram();
        foreach (var row in histograms.Where(r => r.Kind != ComplaintKind.Complaint))
            statuses.AddBytes(row.Statuses);
        var cases = Of(groups, ComplaintKind.ServiceRecovery).Sum(g => g.Received);
        return new DashboardTable(ComplaintsSection.RecoveryTable, "Service recovery after low survey scores",
            [
                new("status", "Status", ValueKind.Note), new("cases", "Cases", ValueKind.Count), new("share", "Share of cases", ValueKind.Percent),
                new("shareci", "95% interval", ValueKind.Interval),
            ],
            [.. Enum.GetValues<ComplaintStatus>().Select(s =>
            {
                var count = statuses[(int)s];
                var share = DashboardMath.Rate(count, cases);
                return (object?[])[StatusLabel(s), count, DashboardMath.Shown(share), DashboardMath.IntervalCell(share)];
            })]);
    }

    public static IReadOnlyList<DashboardChart> Charts() =>
    [
        new("complaints-trend", "Complaints received over time, by severity", ChartKind.Bar, ComplaintsSection.TrendTable, "period",
            [.. Enum.GetValues<ComplaintSeverity>().Select(s => s.ToString().ToLowerInvariant())]),
        new("complaints-by-category", "Complaints by category", ChartKind.Bar, ComplaintsSection.ByCategoryTable, "category", ["received"]),
    ];

    private static string StatusLabel(ComplaintStatus status) => status switch
    {
        ComplaintStatus.New => "New",
        ComplaintStatus.Acknowledged => "Acknowledged",
        ComplaintStatus.Investigating => "Investigating",
        ComplaintStatus.AwaitingPatient => "Waiting for the patient",
        ComplaintStatus.Resolved => "Resolved",
        ComplaintStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    private static object?[] Cells(Tally t) =>
        [t.Received, DashboardMath.Shown(t.AcknowledgedRate), DashboardMath.IntervalCell(t.AcknowledgedRate), t.AcknowledgedRate.N,
            DashboardMath.Shown(t.AnsweredRate), DashboardMath.IntervalCell(t.AnsweredRate), t.AnsweredRate.N, t.Resolved];

    private static DashboardColumn[] GroupColumns(string against) =>
    [
        .. TallyColumns,
        new("open", "Open now", ValueKind.Count), new("duesoon", "Due soon", ValueKind.Count), new("overdue", "Overdue now", ValueKind.Count),
        new("praise", "Praise received", ValueKind.Count),
        new("answeredvs", "Answered within deadline against " + against, ValueKind.Note),
    ];

    /// <summary>Every department with figures (0 for none): complaints, open, overdue or due soon now, or praise.</summary>
    private static List<int> DepartmentIds(ComplaintsSectionFacts facts) =>
        [.. Of(facts.Groups, ComplaintKind.Complaint).Select(g => g.DepartmentId ?? 0).Concat(facts.OpenNow.Keys).Concat(facts.OverdueNow.Keys)
            .Concat(facts.DueSoonNow.Keys).Concat(facts.Praise.Keys).Distinct()];

    /// <summary>A group of departments' cells (one, or a site's): its tally, what is open now, praise, and it against the rest together.</summary>
    private static Func<Func<int, bool>, object?[]> GroupCells(ComplaintsSectionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var complaints = Of(facts.Groups, ComplaintKind.Complaint);
        var all = Sum(complaints).AnsweredRate;
        return inGroup =>
        {
            var tally = Sum(complaints.Where(g => inGroup(g.DepartmentId ?? 0)));
            var versus = DashboardMath.CompareShares(tally.AnsweredRate, DashboardMath.Without(all, tally.AnsweredRate));
            long Within(IReadOnlyDictionary<int, long> counts) => counts.Where(c => inGroup(c.Key)).Sum(c => c.Value);
            return [.. Cells(tally), Within(facts.OpenNow), Within(facts.DueSoonNow), Within(facts.OverdueNow), Within(facts.Praise), DashboardMath.DifferenceText(versus)];
        };
    }
}
