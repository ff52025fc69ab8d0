namespace PatientExperience.Core.Surveys;

/// <summary>A standard question set a manager starts a questionnaire from. Its questions are the core set; the manager adds supplemental ones after them.</summary>
public sealed record SurveyTemplate(string Id, string Name, string Description, IReadOnlyList<SurveyQuestion> Questions);
