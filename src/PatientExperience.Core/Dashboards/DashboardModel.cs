namespace PatientExperience.Core.Dashboards;

/// <summary>How a value is shown (the web layer formats; the CSV uses the same formatting).</summary>
public enum ValueKind
{
    /// <summary>Text shown as it is (names, ISO dates).</summary>
    Text,
    /// <summary>English text the page translates (e.g. small-sample notes).</summary>
    Note,
    Count,
    /// <summary>A share 0..1 shown as a percentage with one decimal.</summary>
    Percent,
    /// <summary>Whole minutes.</summary>
    Minutes,
    /// <summary>A number with one decimal (mean rating).</summary>
    OneDecimal,
    /// <summary>A signed whole score (NPS).</summary>
    Score,
    /// <summary>
    /// A 95% <see cref="Dashboards.Interval"/> ("40.1–49.9%", "−3 to 27"), or the English reason there is none (a
    /// string, translated like <see cref="Note"/>).
    /// </summary>
    Interval,
}

public enum ChartKind
{
    Line,
    Bar,
}

/// <summary>
/// One section of the dashboard (operations, satisfaction, complaints…). Register implementations with
/// <c>services.AddScoped&lt;IDashboardSection, MySection&gt;()</c>; the page, sorting, charts and CSV export follow from
/// the <see cref="DashboardSectionData"/> it returns.
/// </summary>
public interface IDashboardSection
{
    /// <summary>Lower comes first on the page (satisfaction 10, complaints 20, operations 30).</summary>
    int Order { get; }

    Task<DashboardSectionData> BuildAsync(DashboardContext context, CancellationToken cancellationToken);
}

/// <summary>What every section gets: the checked filter and the names of sites, departments, clinicians and services.</summary>
public sealed record DashboardContext(DashboardFilter Filter, DashboardLookups Lookups);

/// <param name="DepartmentId">A clinician's or service's department.</param>
/// <param name="SiteId">A department's site.</param>
public sealed record NamedItem(int Id, string Name, int? DepartmentId, int? SiteId = null);

/// <summary>A site of the group as the dashboard names it (an inactive one keeps its history).</summary>
public sealed record DashboardSite(int Id, string Name, bool IsActive);

public sealed record DashboardLookups(IReadOnlyList<NamedItem> Departments, IReadOnlyList<NamedItem> Clinicians, IReadOnlyList<NamedItem> Services,
    IReadOnlyList<DashboardSite> Sites)
{
    /// <summary>Figures without a department (a complaint about no visit) belong to no site: their by-site row.</summary>
    public const int NoSite = 0;

    private readonly Dictionary<int, string> _departments = Departments.ToDictionary(d => d.Id, d => d.Name);
    private readonly Dictionary<int, string> _clinicians = Clinicians.ToDictionary(d => d.Id, d => d.Name);
    private readonly Dictionary<int, int> _siteOfDepartment = Departments.Where(d => d.SiteId is not null).ToDictionary(d => d.Id, d => d.SiteId!.Value);
    private readonly Dictionary<int, string> _sites = Sites.ToDictionary(s => s.Id, s => s.Name);

    public string DepartmentName(int id) => _departments.TryGetValue(id, out var name) ? name : $"#{id}";

    public string ClinicianName(int id) => _clinicians.TryGetValue(id, out var name) ? name : $"#{id}";

    public string SiteName(int id) => _sites.TryGetValue(id, out var name) ? name : id == NoSite ? "No site (no department given)" : $"#{id}";

    public bool SiteExists(int id) => _sites.ContainsKey(id);

    /// <summary>
    /// Two or more active sites: the page offers the site filter, names each department's site and compares sites.
    /// With one site the dashboard is as it always was.
    /// </summary>
    public bool ComparesSites => Sites.Count(s => s.IsActive) >= 2;

    /// <summary>The site of a department (read from set-up, not from the figures), or <see cref="NoSite"/>.</summary>
    public int SiteOf(int? departmentId) => departmentId is { } d && _siteOfDepartment.TryGetValue(d, out var site) ? site : NoSite;

    /// <summary>Whether a department, or a clinician's or service's department, is at a site (always, when no site is chosen).</summary>
    public bool IsAt(int? siteId, int? departmentId) => siteId is not { } site || SiteOf(departmentId) == site;

    /// <summary>
    /// The filter with the chosen site's department ids (<see cref="DashboardFilter.SiteDepartmentIds"/>), which every
    /// section's query narrows by: the rollups carry the department, and a department is at one site.
    /// </summary>
    public DashboardFilter Narrow(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter.SiteId is { } site
            ? filter with { SiteDepartmentIds = [.. Departments.Where(d => d.SiteId == site).Select(d => d.Id)] }
            : filter with { SiteDepartmentIds = null };
    }
}

/// <param name="Key">Unique on the page, lowercase (used in URLs and element ids), e.g. "operations".</param>
/// <param name="Title">English; translated by the page.</param>
/// <param name="EmptyMessage">Shown instead of the content when <paramref name="IsEmpty"/> (English; translated).</param>
/// <param name="HowWeCount">Sentences for the "How we count" note (English; translated).</param>
public sealed record DashboardSectionData(
    string Key,
    string Title,
    bool IsEmpty,
    string EmptyMessage,
    IReadOnlyList<DashboardMetric> Metrics,
    IReadOnlyList<DashboardChart> Charts,
    IReadOnlyList<DashboardTable> Tables,
    IReadOnlyList<string> HowWeCount);

/// <summary>
/// A headline number with its n, and the same for the previous period of equal length. Shares and Net Promoter Scores
/// (made by <see cref="Proportion"/> and <see cref="NetPromoter"/>) also carry their 95% intervals and the test of the
/// change; below <see cref="DashboardMath.MinimumN"/> their value is withheld.
/// </summary>
public sealed record DashboardMetric(string Label, ValueKind Kind, double? Value, long N, double? Previous, long PreviousN)
{
    public Interval? Interval { get; init; }

    public Interval? PreviousInterval { get; init; }

    /// <summary>This period against the previous one; null when not tested (counts, waits, or n below the minimum).</summary>
    public Contrast? AgainstPrevious { get; init; }

    /// <summary>A share or score that has answers but fewer than <see cref="DashboardMath.MinimumN"/>: not shown.</summary>
    public bool Withheld { get; init; }

    public bool PreviousWithheld { get; init; }

    /// <summary>Shown in the short summary at the top of the page too.</summary>
    public bool Headline { get; init; }

    /// <summary>One of many alike (e.g. the top-box of each dimension): a line in a list, not a card of its own.</summary>
    public bool Minor { get; init; }

    public double? Change => DashboardMath.Compare(Value, Previous).Difference;

    /// <summary>
    /// A CG-CAHPS composite (the mean of its items' top-box scores) with its Wilson interval at the composite's effective n
    /// (the mean of its items' valid answers), tested against the previous period like any share.
    /// </summary>
    public static DashboardMetric Composite(string label, Surveys.CompositeScore current, Surveys.CompositeScore previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var (shown, previousShown) = (DashboardMath.IsShown(current.N), DashboardMath.IsShown(previous.N));
        return new DashboardMetric(label, ValueKind.Percent, shown ? current.Value : null, (long)Math.Round(current.N),
            previousShown ? previous.Value : null, (long)Math.Round(previous.N))
        {
            Interval = shown && current.Value is { } p ? DashboardMath.Wilson(p, current.N) : null,
            PreviousInterval = previousShown && previous.Value is { } q ? DashboardMath.Wilson(q, previous.N) : null,
            AgainstPrevious = DashboardMath.CompareRates(current.Value, current.N, previous.Value, previous.N),
            Withheld = current.N is > 0 and < DashboardMath.MinimumN,
            PreviousWithheld = previous.N is > 0 and < DashboardMath.MinimumN,
        };
    }

    public static DashboardMetric Proportion(string label, Share current, Share previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        return new DashboardMetric(label, ValueKind.Percent, DashboardMath.Shown(current), current.N, DashboardMath.Shown(previous), previous.N)
        {
            Interval = DashboardMath.IsShown(current.N) ? DashboardMath.Wilson(current) : null,
            PreviousInterval = DashboardMath.IsShown(previous.N) ? DashboardMath.Wilson(previous) : null,
            AgainstPrevious = DashboardMath.CompareShares(current, previous),
            Withheld = current.N is > 0 and < DashboardMath.MinimumN,
            PreviousWithheld = previous.N is > 0 and < DashboardMath.MinimumN,
        };
    }

    public static DashboardMetric NetPromoter(string label, NpsResult current, NpsResult previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        return new DashboardMetric(label, ValueKind.Score, DashboardMath.Shown(current), current.N, DashboardMath.Shown(previous), previous.N)
        {
            Interval = DashboardMath.IsShown(current.N) ? DashboardMath.NpsInterval(current) : null,
            PreviousInterval = DashboardMath.IsShown(previous.N) ? DashboardMath.NpsInterval(previous) : null,
            AgainstPrevious = DashboardMath.CompareNps(current, previous),
            Withheld = current.N is > 0 and < DashboardMath.MinimumN,
            PreviousWithheld = previous.N is > 0 and < DashboardMath.MinimumN,
        };
    }
}

public sealed record DashboardColumn(string Key, string Header, ValueKind Kind);

/// <summary>
/// A table of raw values (string, long, int, double or null per <see cref="DashboardColumn.Kind"/>). The page shows it,
/// sorts it by any column and exports it as CSV, all from these rows.
/// </summary>
/// <param name="Key">Unique on the page, lowercase with dashes, e.g. "wait-by-department".</param>
public sealed record DashboardTable(string Key, string Caption, IReadOnlyList<DashboardColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public int ColumnIndex(string key)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Key, key, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }

    /// <summary>The rows ordered by one column (empty values last either way); ties keep their order.</summary>
    public DashboardTable SortedBy(string column, bool descending)
    {
        var index = ColumnIndex(column);
        if (index < 0)
            return this;
        var ordered = Rows.Select((row, position) => (row, position)).ToList();
        ordered.Sort((a, b) =>
        {
            var x = a.row[index];
            var y = b.row[index];
            int result;
            if (x is null || y is null)
                result = x is null && y is null ? 0 : x is null ? 1 : -1;
            else
            {
                result = CompareValues(x, y);
                if (descending)
                    result = -result;
            }
            return result != 0 ? result : a.position.CompareTo(b.position);
        });
        return this with { Rows = [.. ordered.Select(o => o.row)] };
    }

    /// <summary>Numbers (an interval by its low end) before words; words alphabetically.</summary>
    private static int CompareValues(object x, object y) => (x, y) switch
    {
        (string sx, string sy) => string.Compare(sx, sy, StringComparison.CurrentCultureIgnoreCase),
        (string, _) => 1,
        (_, string) => -1,
        _ => Number(x).CompareTo(Number(y)),
    };

    private static double Number(object value) =>
        value is Interval interval ? interval.Low : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A chart drawn from a table of the section (so the accessible table always holds the same numbers): one label column
/// for the x axis and one dataset per series column.
/// </summary>
public sealed record DashboardChart(string Key, string Title, ChartKind Kind, string TableKey, string LabelColumn, IReadOnlyList<string> SeriesColumns);
