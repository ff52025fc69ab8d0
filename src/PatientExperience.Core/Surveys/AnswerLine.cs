namespace PatientExperience.Core.Surveys;

public sealed record AnswerLine(string Key, string Question, string Dimension, QuestionType Type, int? Value);
