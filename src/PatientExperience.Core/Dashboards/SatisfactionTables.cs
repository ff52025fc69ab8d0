using PatientExperience.Core.Surveys;
using Questions = System.Collections.Generic.IReadOnlyDictionary<string, PatientExperience.Core.Dashboards.SatisfactionSection.QuestionInfo>;
using Tally = PatientExperience.Core.Dashboards.SatisfactionSection.Tally;
using Tallies = PatientExperience.Core.Dashboards.SectionTallies<PatientExperience.Core.Dashboards.SatisfactionSection.Tally>;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Shape, for <see cref="SatisfactionSection"/>: pure builders that turn its <see cref="SatisfactionFacts"/> into metrics,
/// tables and charts (no database, no clock), one method per table, tested on hand-made rows as <see cref="DashboardMath"/> is.
/// </summary>
public static class SatisfactionTables
{
    private static readonly DashboardColumn[] TallyColumns =
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

    private static readonly string[] HowWeCount =
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
    ];

    /// <summary>The whole section from its facts.</summary>
    public static DashboardSectionData Section(DashboardContext context, SatisfactionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(facts);
        var (lookups, questions) = (context.Lookups, facts.Questions);
        var tallies = Group(facts, lookups, context.Filter.Grain);
        var current = tallies.Current;
        var dimensions = Dimensions(questions);
        List<DashboardTable> siteTables = DashboardTables.ComparesSites(context) ? [BySite(questions, lookups, tallies)] : [];
        return new DashboardSectionData(SatisfactionSection.Key, "Satisfaction", current.Invitations == 0 && current.Responses == 0,
            "No survey invitations or answers for visits in this period for this filter.",
            Metrics(questions, dimensions, current, tallies.Before), Charts(),
            [
                .. siteTables, ByDepartment(questions, lookups, tallies), ByClinician(questions, lookups, tallies), Trend(questions, context.Filter, tallies),
                ByDimension(questions, dimensions, current, tallies.Before), Distribution(questions, current), WaitBands(questions, current),
                ResponseChannels.Table(facts.Channels, facts.PreviousChannels),
            ],
            HowWeCount);
    }

    /// <summary>Sums the rows: every figure of the period, and the previous period's totals.</summary>
    public static Tallies Group(SatisfactionFacts facts, DashboardLookups lookups, TrendGrain grain)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Tallies.Sum(facts.Current, facts.Previous, lookups, grain, r => (r.DepartmentId, r.ClinicianId, r.Start),
            (tally, r) => tally.Add(r.QuestionKey, r.Histogram), (tally, r) => tally.Add(r.QuestionKey, r.Histogram));
    }

    /// <summary>The dimensions that have a top-box (not the recommend or consent ones), in the order their first question is asked.</summary>
    public static IReadOnlyList<string> Dimensions(Questions questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        return [.. questions.Values.Where(q => SatisfactionSection.TopBoxOf(q.Type, new Histogram()) is not null)
            .OrderBy(q => q.Position).Select(q => q.Dimension).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The headline figures, top-box per dimension, and the standards' own figures (docs/surveys-standards.md) when their questions are in use.</summary>
    public static IReadOnlyList<DashboardMetric> Metrics(Questions questions, IReadOnlyList<string> dimensions, Tally current, Tally before)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(before);
        var overall = current.Overall(questions);
        var overallBefore = before.Overall(questions);
        var metrics = new List<DashboardMetric>
        {
            DashboardMetric.NetPromoter("Net Promoter Score", current.Nps(questions), before.Nps(questions)) with { Headline = true },
            DashboardMetric.Proportion("Top-box, all questions", current.TopBox(questions, null), before.TopBox(questions, null)) with { Headline = true },
            DashboardMetric.Proportion("Response rate", current.ResponseRate, before.ResponseRate) with { Headline = true },
            new("Overall rating (0–10)", ValueKind.OneDecimal, overall.Value, overall.N, overallBefore.Value, overallBefore.N),
            new("Responses", ValueKind.Count, current.Responses, current.Responses, before.Responses, before.Responses),
        };
        foreach (var dimension in dimensions)
            metrics.Add(DashboardMetric.Proportion("Top-box: " + dimension, current.TopBox(questions, dimension), before.TopBox(questions, dimension)) with { Minor = true });
        foreach (var composite in SurveyTemplates.CgCahpsComposites.Where(c => questions.Values.Any(q => q.Dimension == c && q.Type == QuestionType.YesDefinitely)))
            metrics.Add(DashboardMetric.Composite(SatisfactionSection.CompositeLabel + composite, current.Composite(questions, composite), before.Composite(questions, composite)));
        if (questions.Values.Any(q => q.Type == QuestionType.FriendsFamily))
            metrics.Add(DashboardMetric.Proportion(SatisfactionSection.FftLabel, current.FriendsAndFamily(questions).Positive, before.FriendsAndFamily(questions).Positive));
        return metrics;
    }

    /// <summary>Each department against the other departments together (independent groups), marked only beyond chance.</summary>
    public static DashboardTable ByDepartment(Questions questions, DashboardLookups lookups, Tallies tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        return DashboardTables.ByDepartment(SatisfactionSection.ByDepartmentTable, "Satisfaction by department", lookups, ComparedColumns("other departments"),
            tallies.ByDepartment, Compared(questions, tallies.Current));
    }

    public static DashboardTable ByClinician(Questions questions, DashboardLookups lookups, Tallies tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        return DashboardTables.ByClinician(SatisfactionSection.ByClinicianTable, "Satisfaction by clinician", lookups, TallyColumns, tallies.ByClinician,
            t => Cells(questions, t));
    }

    public static DashboardTable Trend(Questions questions, DashboardFilter filter, Tallies tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        return DashboardTables.Trend(SatisfactionSection.TrendTable, "Satisfaction", filter, TallyColumns, tallies.ByBucket, t => Cells(questions, t), () => new Tally());
    }

    /// <summary>Each site against the other sites together, as departments are compared.</summary>
    public static DashboardTable BySite(Questions questions, DashboardLookups lookups, Tallies tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        return DashboardTables.BySite(SatisfactionSection.BySiteTable, "Satisfaction by site", lookups, ComparedColumns("other sites"), tallies.BySite,
            Compared(questions, tallies.Current), _ => new Tally());
    }

    /// <summary>Top-box per dimension beside the previous period's, each change marked only when unlikely to be chance.</summary>
    public static DashboardTable ByDimension(Questions questions, IReadOnlyList<string> dimensions, Tally current, Tally before)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(before);
        return new DashboardTable(SatisfactionSection.DimensionTable, "Top-box by dimension",
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
    }

    /// <summary>Every answer option of every scale question, in the order asked: its count and its share of the question's valid answers.</summary>
    public static DashboardTable Distribution(Questions questions, Tally current)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(current);
        var rows = new List<object?[]>();
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
                rows.Add([question.Key, question.Text, SatisfactionSection.AnswerLabel(question.Type, value), answers[value], DashboardMath.Shown(share), DashboardMath.IntervalCell(share)]);
            }
        }
        return new DashboardTable(SatisfactionSection.DistributionTable, "How each question was answered",
            [
                new("question", "Question key", ValueKind.Text),
                new("text", "Question", ValueKind.Text),
                new("answer", "Answer", ValueKind.Note),
                new("answers", "Answers", ValueKind.Count),
                new("share", "Share of answers", ValueKind.Percent),
                new("shareci", "95% interval", ValueKind.Interval),
            ],
            rows);
    }

    /// <summary>Overall rating and NPS per wait band.</summary>
    public static DashboardTable WaitBands(Questions questions, Tally current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new DashboardTable(SatisfactionSection.WaitBandTable, "Satisfaction by how long patients waited",
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
    }

    public static IReadOnlyList<DashboardChart> Charts() =>
    [
        new("satisfaction-nps-trend", "Net Promoter Score over time", ChartKind.Line, SatisfactionSection.TrendTable, "period", ["nps"]),
        new("satisfaction-overall-trend", "Overall rating over time", ChartKind.Line, SatisfactionSection.TrendTable, "period", ["overall"]),
        new("satisfaction-dimensions", "Top-box by dimension", ChartKind.Bar, SatisfactionSection.DimensionTable, "dimension", ["topbox"]),
        new("satisfaction-wait-bands", "Overall rating by how long patients waited", ChartKind.Bar, SatisfactionSection.WaitBandTable, "band", ["overall"]),
    ];

    private static object?[] Cells(Questions questions, Tally tally)
    {
        var nps = tally.Nps(questions);
        var overall = tally.Overall(questions);
        var topBox = tally.TopBox(questions, null);
        return [tally.Responses, DashboardMath.Shown(nps), DashboardMath.IntervalCell(nps), nps.N, overall.Value, overall.N,
            DashboardMath.Shown(topBox), DashboardMath.IntervalCell(topBox), topBox.N, DashboardMath.Shown(tally.ResponseRate), DashboardMath.IntervalCell(tally.ResponseRate)];
    }

    private static DashboardColumn[] ComparedColumns(string against) =>
    [
        .. TallyColumns,
        new("npsvs", "NPS against " + against, ValueKind.Note),
        new("topboxvs", "Top-box against " + against, ValueKind.Note),
    ];

    /// <summary>A group's cells, then its NPS and top-box against everyone else's together (<paramref name="all"/> without the group).</summary>
    private static Func<Tally, object?[]> Compared(Questions questions, Tally all)
    {
        var allNps = all.Nps(questions);
        var allTopBox = all.TopBox(questions, null);
        return tally =>
        {
            var nps = tally.Nps(questions);
            var topBox = tally.TopBox(questions, null);
            return [.. Cells(questions, tally), DashboardMath.DifferenceText(DashboardMath.CompareNps(nps, DashboardMath.Without(allNps, nps))),
                DashboardMath.DifferenceText(DashboardMath.CompareShares(topBox, DashboardMath.Without(allTopBox, topBox)))];
        };
    }
}
