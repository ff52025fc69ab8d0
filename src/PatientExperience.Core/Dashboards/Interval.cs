namespace PatientExperience.Core.Dashboards;

/// <summary>A 95% confidence interval, in the unit of the number it belongs to (0..1 for shares, −100..100 for NPS).</summary>
public sealed record Interval(double Low, double High, ValueKind Kind);
