namespace PatientExperience.Core.Common;

/// <summary>A message for one field (or for the whole form when <see cref="Field"/> is empty).</summary>
public sealed record ValidationError(string Field, string Message);
