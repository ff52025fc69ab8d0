using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;
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

    private sealed record Row(DateOnly Start, int DepartmentId, int ClinicianId, string QuestionKey, byte[] Histogram);

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

    private async Task<List<Row>> ReadAsync(DashboardFilter filter, IReadOnlyList<RollupPiece> pieces, CancellationToken cancellationToken)
    {
        var service = filter.ServiceId ?? SurveyRollup.AllServices;
        var rows = db.SurveyRollups.AsNoTracking().InPieces(pieces, service)
            .Where(r => (filter.DepartmentId == null || r.DepartmentId == filter.DepartmentId)
                        && (filter.ClinicianId == null || r.ClinicianId == filter.ClinicianId));
        if (filter.SiteDepartmentIds is { } site)
            rows = rows.Where(r => site.Contains(r.DepartmentId));
        return await rows.Select(r => new Row(r.Start, r.DepartmentId, r.ClinicianId, r.QuestionKey, r.Histogram))
            .ToListAsync(cancellationToken);
    }

    public async Task<DashboardSectionData> BuildAsync(DashboardContext context, CancellationToken cancellationToken)
    {
        var filter = context.Filter;
        var questions = await QuestionsAsync(cancellationToken);
        var current = new Tally();
        var before = new Tally();
        var byDepartment = new Dictionary<int, Tally>();
        var byClinician = new Dictionary<(int Clinician, int Department), Tally>();
        var byBucket = new Dictionary<DateOnly, Tally>();
        var bySite = new Dictionary<int, Tally>();
        foreach (var row in await ReadAsync(filter, RollupPlan.ForTrend(filter), cancellationToken))
        {
            Get(bySite, context.Lookups.SiteOf(row.DepartmentId)).Add(row.QuestionKey, row.Histogram);
            current.Add(row.QuestionKey, row.Histogram);
            Get(byDepartment, row.DepartmentId).Add(row.QuestionKey, row.Histogram);
            Get(byClinician, (row.ClinicianId, row.DepartmentId)).Add(row.QuestionKey, row.Histogram);
            Get(byBucket, ClinicDays.BucketStart(row.Start, filter.Grain)).Add(row.QuestionKey, row.Histogram);
        }
        foreach (var row in await ReadAsync(filter.Previous, RollupPlan.ForTotals(filter.Previous), cancellationToken))
            before.Add(row.QuestionKey, row.Histogram);

        var nps = current.Nps(questions);
        var npsBefore = before.Nps(questions);
        var overall = current.Overall(questions);
        var overallBefore = before.Overall(questions);
        var dimensions = questions.Values.Where(q => TopBoxOf(q.Type, new Histogram()) is not null)
            .OrderBy(q => q.Position).Select(q => q.Dimension).Distinct(StringComparer.Ordinal).ToList();

        var metrics = new List<DashboardMetric>
        {
            DashboardMetric.NetPromoter("Net Promoter Score", nps, npsBefore) with { Headline = true },
            DashboardMetric.Proportion("Top-box, all questions", current.TopBox(questions, null), before.TopBox(questions, null)) with { Headline = true },
            DashboardMetric.Proportion("Response rate", current.ResponseRate, before.ResponseRate) with { Headline = true },
            new("Overall rating (0–10)", ValueKind.OneDecimal, overall.Value, overall.N, overallBefore.Value, overallBefore.N),
            new("Responses", ValueKind.Count, current.Responses, current.Responses, before.Responses, before.Responses),
        };
        foreach (var dimension in dimensions)
            metrics.Add(DashboardMetric.Proportion("Top-box: " + dimension, current.TopBox(questions, dimension), before.TopBox(questions, dimension)) with { Minor = true });
        // The standards' own figures (docs/surveys-standards.md), when their questions are in use.
        foreach (var composite in SurveyTemplates.CgCahpsComposites.Where(c => questions.Values.Any(q => q.Dimension == c && q.Type == QuestionType.YesDefinitely)))
            metrics.Add(DashboardMetric.Composite(CompositeLabel + composite, current.Composite(questions, composite), before.Composite(questions, composite)));
        if (questions.Values.Any(q => q.Type == QuestionType.FriendsFamily))
            metrics.Add(DashboardMetric.Proportion(FftLabel, current.FriendsAndFamily(questions).Positive, before.FriendsAndFamily(questions).Positive));

        var lookups = context.Lookups;
        DashboardColumn[] tallyColumns =
        [
            new("responses", "Responses", ValueKind.Count),
            new("nps", "Net Promoter Score", ValueKind.Score),
            new("npsci", "NPS 95% interval", ValueKind.Interval),
            new("npsn", "NPS answers (n)", ValueKind.Count),
            new("overall", "Overall rating (0–10)", ValueKind.OneDecimal),
            new("overalln", "Ratings (n)", ValueKind.Count),
            new("topbox", "Top-box, all questions", ValueKind.Percent),
            new("topboxci", "Top-box 95% interval", ValueKind.Interval),
            new("topboxn", "Answers (n)", ValueKind.Count),
            new("responserate", "Response rate", ValueKind.Percent),
            new("responserateci", "Response rate 95% interval", ValueKind.Interval),
        ];
        object?[] Cells(Tally tally)
        {
            var groupNps = tally.Nps(questions);
            var groupOverall = tally.Overall(questions);
            var topBox = tally.TopBox(questions, null);
            return [tally.Responses, DashboardMath.Shown(groupNps), DashboardMath.IntervalCell(groupNps), groupNps.N, groupOverall.Value, groupOverall.N,
                DashboardMath.Shown(topBox), DashboardMath.IntervalCell(topBox), topBox.N, DashboardMath.Shown(tally.ResponseRate), DashboardMath.IntervalCell(tally.ResponseRate)];
        }

        // Each department against the other departments together (independent groups), marked only beyond chance.
        var allTopBox = current.TopBox(questions, null);
        DashboardColumn[] departmentColumns =
        [
            .. tallyColumns,
            new("npsvs", "NPS against other departments", ValueKind.Note),
            new("topboxvs", "Top-box against other departments", ValueKind.Note),
        ];
        object?[] DepartmentCells(Tally tally)
        {
            var groupNps = tally.Nps(questions);
            var topBox = tally.TopBox(questions, null);
            return [.. Cells(tally), DashboardMath.DifferenceText(DashboardMath.CompareNps(groupNps, DashboardMath.Without(nps, groupNps))),
                DashboardMath.DifferenceText(DashboardMath.CompareShares(topBox, DashboardMath.Without(allTopBox, topBox)))];
        }

        var departmentTable = DashboardTables.ByDepartment(ByDepartmentTable, "Satisfaction by department", lookups, departmentColumns, byDepartment, DepartmentCells);
        var clinicianTable = DashboardTables.ByClinician(ByClinicianTable, "Satisfaction by clinician", lookups, tallyColumns, byClinician, Cells);
        var trendTable = DashboardTables.Trend(TrendTable, "Satisfaction", filter, tallyColumns, byBucket, Cells, () => new Tally());
        // Each site against the other sites together, as departments are compared.
        DashboardColumn[] siteColumns =
        [
            .. tallyColumns,
            new("npsvs", "NPS against other sites", ValueKind.Note),
            new("topboxvs", "Top-box against other sites", ValueKind.Note),
        ];
        List<DashboardTable> siteTables = DashboardTables.ComparesSites(context)
            ? [DashboardTables.BySite(BySiteTable, "Satisfaction by site", lookups, siteColumns, bySite, DepartmentCells, _ => new Tally())]
            : [];

        var dimensionTable = new DashboardTable(DimensionTable, "Top-box by dimension",
            [
                new("dimension", "Dimension", ValueKind.Text),
                new("topbox", "Top-box", ValueKind.Percent),
                new("topboxci", "95% interval", ValueKind.Interval),
                new("n", "Answers (n)", ValueKind.Count),
                new("previous", "Previous period", ValueKind.Percent),
                new("previousci", "Previous 95% interval", ValueKind.Interval),
                new("previousn", "Previous answers (n)", ValueKind.Count),
                new("change", "Change", ValueKind.Note),
            ],
            [.. dimensions.Select(d =>
            {
                var share = current.TopBox(questions, d);
                var previous = before.TopBox(questions, d);
                return (object?[])[d, DashboardMath.Shown(share), DashboardMath.IntervalCell(share), share.N,
                    DashboardMath.Shown(previous), DashboardMath.IntervalCell(previous), previous.N, DashboardMath.ChangeText(DashboardMath.CompareShares(share, previous))];
            })]);

        var distributionRows = new List<object?[]>();
        foreach (var question in questions.Values.Where(q => q.Type is QuestionType.Frequency or QuestionType.YesNo or QuestionType.Rating or QuestionType.Recommend)
                     .OrderBy(q => q.Position).ThenBy(q => q.Key, StringComparer.Ordinal))
        {
            var answers = SurveyValues.Answers(current.Encoded(question.Key));
            var min = question.Type == QuestionType.Frequency ? 1 : 0;
            var max = question.Type is QuestionType.Rating or QuestionType.Recommend ? 10 : question.Type == QuestionType.Frequency ? 4 : 1;
            var valid = answers.CountBetween(min, max);
            for (var value = min; value <= max; value++)
            {
                var share = DashboardMath.Rate(answers[value], valid);
                distributionRows.Add([question.Key, question.Text, AnswerLabel(question.Type, value), answers[value], DashboardMath.Shown(share), DashboardMath.IntervalCell(share)]);
            }
        }
        var distributionTable = new DashboardTable(DistributionTable, "How each question was answered",
            [
                new("question", "Question key", ValueKind.Text),
                new("text", "Question", ValueKind.Text),
                new("answer", "Answer", ValueKind.Note),
                new("answers", "Answers", ValueKind.Count),
                new("share", "Share of answers", ValueKind.Percent),
                new("shareci", "95% interval", ValueKind.Interval),
            ],
            distributionRows);

        var bandTable = new DashboardTable(WaitBandTable, "Satisfaction by how long patients waited",
            [
                new("band", "Wait", ValueKind.Note),
                new("overall", "Overall rating (0–10)", ValueKind.OneDecimal),
                new("overalln", "Ratings (n)", ValueKind.Count),
                new("nps", "Net Promoter Score", ValueKind.Score),
                new("npsci", "NPS 95% interval", ValueKind.Interval),
                new("npsn", "NPS answers (n)", ValueKind.Count),
            ],
            [.. WaitTimes.Bands.Select((b, i) =>
            {
                var bandOverall = current.Overall(questions, i + 1);
                var bandNps = current.Nps(questions, i + 1);
                return (object?[])[b.Label, bandOverall.Value, bandOverall.N, DashboardMath.Shown(bandNps), DashboardMath.IntervalCell(bandNps), bandNps.N];
            })]);

        var channelTable = ResponseChannels.Table(await ResponseChannels.CountAsync(db, filter, clock.Zone, cancellationToken),
            await ResponseChannels.CountAsync(db, filter.Previous, clock.Zone, cancellationToken));

        var charts = new List<DashboardChart>
        {
            new("satisfaction-nps-trend", "Net Promoter Score over time", ChartKind.Line, TrendTable, "period", ["nps"]),
            new("satisfaction-overall-trend", "Overall rating over time", ChartKind.Line, TrendTable, "period", ["overall"]),
            new("satisfaction-dimensions", "Top-box by dimension", ChartKind.Bar, DimensionTable, "dimension", ["topbox"]),
            new("satisfaction-wait-bands", "Overall rating by how long patients waited", ChartKind.Bar, WaitBandTable, "band", ["overall"]),
        };

        return new DashboardSectionData(Key, "Satisfaction", current.Invitations == 0 && current.Responses == 0,
            "No survey invitations or answers for visits in this period for this filter.",
            metrics, charts, [.. siteTables, departmentTable, clinicianTable, trendTable, dimensionTable, distributionTable, bandTable, channelTable],
            [
                "Answers count on the day of the visit they are about, so a period's response rate compares like with like: responses ÷ invitations for the same visits.",
                "Net Promoter Score: % of recommend answers 9–10 minus % of answers 0–6. Answers 7–8 count in n but on neither side. From −100 to 100.",
                "Overall rating: the mean of the 0–10 overall answers.",
                "Top-box: the share of valid answers that are the most positive option: Always on the Never–Always scale, Yes on yes/no questions, and 9 or 10 on 0–10 ratings. Skipped or invalid answers count on neither side.",
                "Response rate by channel: responses that came through a channel ÷ invitations sent by it, for the visits of the period. An invitation sent by email and text counts in both rows; every sent invitation is also on the patient's own page. The change against the previous period is marked only when it is unlikely to be chance.",
                "CG-CAHPS composite (access, provider communication, office staff): the mean of its questions' top-box scores (\"Yes, definitely\"), not the pooled answers. Its 95% interval is the Wilson interval with n the mean number of valid answers per question.",
                "Friends and Family Test % positive: Very good and Good ÷ every answer, \"Don't know\" included, as NHS England counts it.",
                "Questions are matched by their key, so answers to every version of a questionnaire count together.",
                "Wait band: minutes from arrival (or the appointment time, if early) until the clinician saw the patient, for the visit the answer is about.",
            ]);
    }

    private static Tally Get<TKey>(Dictionary<TKey, Tally> map, TKey key) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var tally))
            map[key] = tally = new Tally();
        return tally;
    }
}
