namespace PatientExperience.Core.Surveys;

/// <summary>A question row as the manager edits it: reword, reorder (by Order), retire (drop from the draft).</summary>
public sealed record DraftQuestion(string? Key, string? Dimension, QuestionType? Type, string? Text, bool IsKey, int Order, bool Retire);
