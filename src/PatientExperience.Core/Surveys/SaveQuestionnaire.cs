namespace PatientExperience.Core.Surveys;

/// <param name="TemplateId">A new questionnaire starts from this standard set (<see cref="SurveyTemplates"/>); null: the portal's first set.</param>
public sealed record SaveQuestionnaire(string? Name, int? DepartmentId, int? ServiceId, bool IsActive, string? TemplateId = null);
