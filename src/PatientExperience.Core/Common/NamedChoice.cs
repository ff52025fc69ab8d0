namespace PatientExperience.Core.Common;

/// <summary>Something picked by id from a list that shows its name (a department in a filter, a questionnaire's department).</summary>
public sealed record NamedChoice(int Id, string Name);
