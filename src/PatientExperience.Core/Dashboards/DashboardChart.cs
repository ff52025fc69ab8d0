namespace PatientExperience.Core.Dashboards;

/// <summary>
/// A chart drawn from a table of the section (so the accessible table always holds the same numbers): one label column
/// for the x axis and one dataset per series column.
/// </summary>
public sealed record DashboardChart(string Key, string Title, ChartKind Kind, string TableKey, string LabelColumn, IReadOnlyList<string> SeriesColumns);
