using PatientExperience.Core.Surveys;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Satisfaction from the survey rollups: NPS, overall rating, top-box per dimension and response rate with their n and
/// the previous period; by department, clinician, week or month and wait band; and how each question was answered.
/// Questions are matched by their key, so answers to every version of a questionnaire count together.
/// </summary>
public sealed class SatisfactionSection(IAppDbContext db, ClinicClock clock) : IDashboardSection
{
    public const string Key = "satisfaction";
    public const string ByDepartmentTable = "satisfaction-by-department";
    public const string ByClinicianTable = "satisfaction-by-clinician";
    public const string TrendTable = "satisfaction-trend";
    public const string DimensionTable = "satisfaction-dimensions";
    public const string DistributionTable = "satisfaction-distribution";
    public const string WaitBandTable = "satisfaction-wait-bands";
    public const string BySiteTable = "satisfaction-by-site";

    /// <summary>The label of a CG-CAHPS composite's figure, before the composite's name ("access").</summary>
    public const string CompositeLabel = "CG-CAHPS composite: ";
    public const string FftLabel = "Friends and Family Test: % positive";

    /// <summary>0–10 ratings: 9 and 10 are the top box.</summary>
    public const int RatingTopFrom = 9;

    public int Order => 10;

    /// <summary>What a question key means on the dashboard (from the newest questionnaire version that has it).</summary>
    public sealed record QuestionInfo(string Key, string Dimension, QuestionType Type, string Text, int Position);

    /// <summary>The histograms (answer and wait band encoded) of one group of rollup rows, by question key.</summary>
    public sealed class Tally
    {
        private readonly Dictionary<string, Histogram> _byKey = new(StringComparer.Ordinal);

        public void Add(string key, byte[] histogram)
        {
            if (!_byKey.TryGetValue(key, out var found))
                _byKey[key] = found = new Histogram();
            found.AddBytes(histogram);
        }

        public Histogram Encoded(string key) => _byKey.TryGetValue(key, out var found) ? found : new Histogram();

        public long Invitations => Encoded(SurveyRollup.Invited).Total;
        public long Responses => Encoded(SurveyRollup.Responded).Total;
        public Share ResponseRate => DashboardMath.ResponseRate(Responses, Invitations);

        /// <summary>Every answer of questions of one type, all bands (or one band) together.</summary>
        public Histogram OfType(IReadOnlyDictionary<string, QuestionInfo> questions, QuestionType type, int? band = null)
        {
            var result = new Histogram();
            foreach (var (key, histogram) in _byKey)
            {
                if (questions.TryGetValue(key, out var question) && question.Type == type)
                    result.Add(band is { } b ? SurveyValues.AnswersInBand(histogram, b) : SurveyValues.Answers(histogram));
            }
            return result;
        }

        public NpsResult Nps(IReadOnlyDictionary<string, QuestionInfo> questions, int? band = null) =>
            DashboardMath.Nps(OfType(questions, QuestionType.Recommend, band));

        public MeanResult Overall(IReadOnlyDictionary<string, QuestionInfo> questions, int? band = null) =>
            DashboardMath.Mean(OfType(questions, QuestionType.Rating, band), 0, 10);

        /// <summary>A CG-CAHPS composite the standard's way: the mean of its items' top-box scores (<see cref="StandardScores.Composite"/>).</summary>
        public CompositeScore Composite(IReadOnlyDictionary<string, QuestionInfo> questions, string composite) =>
            CompositeScore.Of(questions.Values.Where(q => q.Dimension == composite && q.Type == QuestionType.YesDefinitely)
                .Select(q => TopBoxOf(q.Type, SurveyValues.Answers(Encoded(q.Key)))!));

        /// <summary>Every Friends and Family Test answer, counted as NHS England counts them.</summary>
        public FftCounts FriendsAndFamily(IReadOnlyDictionary<string, QuestionInfo> questions) => FftCounts.Of(OfType(questions, QuestionType.FriendsFamily));

        /// <summary>Top-box over the questions of one dimension, or of every dimension when null.</summary>
        public Share TopBox(IReadOnlyDictionary<string, QuestionInfo> questions, string? dimension)
        {
            long top = 0, n = 0;
            foreach (var (key, histogram) in _byKey)
            {
                if (!questions.TryGetValue(key, out var question) || (dimension is not null && question.Dimension != dimension))
                    continue;
                if (TopBoxOf(question.Type, SurveyValues.Answers(histogram)) is { } share)
                {
                    top += share.Count;
                    n += share.N;
                }
            }
            return new Share(top, n);
        }
    }

    /// <summary>
    /// The most positive option per question type: Always (4) on the frequency scale, Yes on yes/no, 9–10 on 0–10 ratings,
    /// "Yes, definitely" (3) on the CG-CAHPS scale, and Good or Very good (4–5) on the Friends and Family Test, whose
    /// "Don't know" (0) stays in the denominator as the FFT counts it (docs/surveys-standards.md).
    /// The recommend question is reported as NPS instead; consent questions are not scores.
    /// </summary>
    public static Share? TopBoxOf(QuestionType type, Histogram answers) => type switch
    {
        QuestionType.Frequency => DashboardMath.TopBox(answers, 1, 4, 4),
        QuestionType.YesDefinitely => DashboardMath.TopBox(answers, 1, 3, 3),
        QuestionType.FriendsFamily => DashboardMath.TopBoxFrom(answers, 0, 5, 4),
        QuestionType.YesNo => DashboardMath.TopBox(answers, 0, 1, 1),
        QuestionType.Rating => DashboardMath.TopBoxFrom(answers, 0, 10, RatingTopFrom),
        _ => null,
    };

    public static string AnswerLabel(QuestionType type, int value) => type switch
    {
        QuestionType.Frequency => value switch { 1 => "Never", 2 => "Sometimes", 3 => "Usually", 4 => "Always", _ => "Not a valid answer" },
        QuestionType.YesNo => value switch { 0 => "No", 1 => "Yes", _ => "Not a valid answer" },
        QuestionType.YesDefinitely => value switch { 1 => "No", 2 => "Yes, somewhat", 3 => "Yes, definitely", _ => "Not a valid answer" },
        QuestionType.FriendsFamily => value switch
        {
            0 => "Don't know", 1 => "Very poor", 2 => "Poor", 3 => "Neither good nor poor", 4 => "Good", 5 => "Very good", _ => "Not a valid answer",
        },
        _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Every question key ever published, described by its newest version.</summary>
    public async Task<IReadOnlyDictionary<string, QuestionInfo>> QuestionsAsync(CancellationToken cancellationToken)
    {
        var versions = await db.QuestionnaireVersions.AsNoTracking().OrderByDescending(v => v.PublishedAtUtc).ThenByDescending(v => v.Id)
            .ToListAsync(cancellationToken);
        var questions = new Dictionary<string, QuestionInfo>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            var position = 0;
            foreach (var question in version.Questions)
            {
                position++;
                questions.TryAdd(question.Key, new QuestionInfo(question.Key, question.Dimension, question.Type, question.Text, position));
            }
        }
        return questions;
    }

    private async Task<List<SatisfactionFacts.Row>> ReadAsync(DashboardFilter filter, IReadOnlyList<RollupPiece> pieces, CancellationToken cancellationToken)
    {
        var service = filter.ServiceId ?? SurveyRollup.AllServices;
        var rows = db.SurveyRollups.AsNoTracking().InPieces(pieces, service)
            .Where(r => (filter.DepartmentId == null || r.DepartmentId == filter.DepartmentId)
                        && (filter.ClinicianId == null || r.ClinicianId == filter.ClinicianId));
        if (filter.SiteDepartmentIds is { } site)
            rows = rows.Where(r => site.Contains(r.DepartmentId));
        return await rows.Select(r => new SatisfactionFacts.Row(r.Start, r.DepartmentId, r.ClinicianId, r.QuestionKey, r.Histogram))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Fetch: the questions, both periods' rollup rows and both periods' counts per channel.</summary>
    public async Task<SatisfactionFacts> FetchAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new SatisfactionFacts(await QuestionsAsync(cancellationToken),
            await ReadAsync(filter, RollupPlan.ForTrend(filter), cancellationToken),
            await ReadAsync(filter.Previous, RollupPlan.ForTotals(filter.Previous), cancellationToken),
            await ResponseChannels.CountAsync(db, filter, clock.Zone, cancellationToken),
            await ResponseChannels.CountAsync(db, filter.Previous, clock.Zone, cancellationToken));
    }

    public async Task<DashboardSectionData> BuildAsync(DashboardContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SatisfactionTables.Section(context, await FetchAsync(context.Filter, cancellationToken));
    }
}
