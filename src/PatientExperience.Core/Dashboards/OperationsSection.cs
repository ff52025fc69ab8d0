namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Operations: visits completed, no-shows and waits (arrival → seen) from the daily appointment rollups, for the
/// period and the previous one, by department, by clinician and over time.
/// </summary>
public sealed class OperationsSection(IAppDbContext db) : IDashboardSection
{
    public const string Key = "operations";
    public const string ByDepartmentTable = "operations-by-department";
    public const string ByClinicianTable = "operations-by-clinician";
    public const string TrendTable = "operations-trend";
    public const string WaitBandTable = "operations-wait-bands";
    public const string BySiteTable = "operations-by-site";

    public int Order => 30;

    /// <summary>
    /// The filter's rollup rows (its service's, or all services') for the pieces of a plan: <see cref="RollupPlan.ForTrend"/>
    /// for the period itself (each row falls in one trend bucket), <see cref="RollupPlan.ForTotals"/> for the previous one.
    /// </summary>
    private async Task<List<OperationsFacts.Row>> ReadAsync(DashboardFilter filter, IReadOnlyList<RollupPiece> pieces, CancellationToken cancellationToken)
    {
        var service = filter.ServiceId ?? AppointmentRollup.AllServices;
        var rows = db.AppointmentRollups.AsNoTracking().InPieces(pieces, service)
            .Where(r => (filter.DepartmentId == null || r.DepartmentId == filter.DepartmentId)
                        && (filter.ClinicianId == null || r.ClinicianId == filter.ClinicianId));
        if (filter.SiteDepartmentIds is { } site)
            rows = rows.Where(r => site.Contains(r.DepartmentId));
        return await rows.Select(r => new OperationsFacts.Row(r.Start, r.DepartmentId, r.ClinicianId, r.Completed, r.NoShows, r.WaitHistogram, r.PhoneCheckIns, r.ToldLate,
                r.TextReminders, r.ConfirmedByText))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Fetch: the rollup rows of the period and of the previous one.</summary>
    public async Task<OperationsFacts> FetchAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new OperationsFacts(await ReadAsync(filter, RollupPlan.ForTrend(filter), cancellationToken),
            await ReadAsync(filter.Previous, RollupPlan.ForTotals(filter.Previous), cancellationToken));
    }

    public async Task<DashboardSectionData> BuildAsync(DashboardContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return OperationsTables.Section(context, await FetchAsync(context.Filter, cancellationToken));
    }

    /// <summary>Completed visits, no-shows and waits of a group of rollup rows.</summary>
    public sealed class Tally
    {
        public long Completed { get; private set; }
        public long NoShows { get; private set; }
        public Histogram Waits { get; } = new();
        public long PhoneCheckIns { get; private set; }
        public long ToldLate { get; private set; }
        public long TextReminders { get; private set; }
        public long ConfirmedByText { get; private set; }
        /// <summary>Visits (completed or missed) confirmed by a reply C ÷ those whose reminder went by text.</summary>
        public Share ConfirmedByTextRate => DashboardMath.Rate(ConfirmedByText, TextReminders);

        public void AddReplies(int textReminders, int confirmedByText)
        {
            TextReminders += textReminders;
            ConfirmedByText += confirmedByText;
        }

        public long WithOutcome => Completed + NoShows;
        /// <summary>Completed visits whose patient checked in from their phone ÷ completed visits.</summary>
        public Share PhoneCheckInRate => DashboardMath.Rate(PhoneCheckIns, Completed);
        /// <summary>Completed visits whose patient was told of a delay ÷ completed visits.</summary>
        public Share ToldLateRate => DashboardMath.Rate(ToldLate, Completed);

        public void Add(int completed, int noShows, byte[] waits, int phoneCheckIns, int toldLate)
        {
            Add(completed, noShows, waits);
            PhoneCheckIns += phoneCheckIns;
            ToldLate += toldLate;
        }
        public Share NoShowRate => DashboardMath.Rate(NoShows, WithOutcome);
        public int? MedianWait => DashboardMath.Median(Waits);
        public int? P90Wait => DashboardMath.Percentile(Waits, 90);

        public void Add(int completed, int noShows, byte[] waits)
        {
            Completed += completed;
            NoShows += noShows;
            Waits.AddBytes(waits);
        }
    }
}
