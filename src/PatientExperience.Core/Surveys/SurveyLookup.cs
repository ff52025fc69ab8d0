namespace PatientExperience.Core.Surveys;

public sealed record SurveyLookup(SurveyState State, SurveyView? View);
