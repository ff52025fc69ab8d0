namespace PatientExperience.Core.Dashboards;

/// <summary>
/// What <see cref="SatisfactionSection"/> fetches for one filter: every question key ever published, the survey rollup rows
/// of the period (each falls in one trend bucket) and of the previous period, and both periods' counts per channel.
/// <see cref="SatisfactionTables"/> shapes them into the section, with no database.
/// </summary>
public sealed record SatisfactionFacts(IReadOnlyDictionary<string, SatisfactionSection.QuestionInfo> Questions, IReadOnlyList<SatisfactionFacts.Row> Current,
    IReadOnlyList<SatisfactionFacts.Row> Previous, ResponseChannels.Counts Channels, ResponseChannels.Counts PreviousChannels)
{
    /// <summary>One <see cref="SurveyRollup"/> row: a question key's answers (value and wait band encoded).</summary>
    public sealed record Row(DateOnly Start, int DepartmentId, int ClinicianId, string QuestionKey, byte[] Histogram);
}
