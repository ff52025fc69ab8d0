namespace PatientExperience.Core.Surveys;

/// <summary>One Friends and Family Test answer: its stored value (as <see cref="FftCounts.Add"/> reads it), when, which department.</summary>
public sealed record FftAnswer(int? Value, DateTime RespondedAtUtc, int DepartmentId);
