namespace PatientExperience.Core.Dashboards;

/// <summary>One range of days to read at one grain.</summary>
public sealed record RollupPiece(RollupGrain Grain, DateOnly From, DateOnly To);
