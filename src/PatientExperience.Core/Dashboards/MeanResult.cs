namespace PatientExperience.Core.Dashboards;

/// <summary>An average with the number of answers behind it.</summary>
public sealed record MeanResult(double? Value, long N);
