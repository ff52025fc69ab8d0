namespace PatientExperience.Core.Surveys;

/// <param name="Language">The language the comment was read in (<see cref="CommentLanguage"/>).</param>
public sealed record CommentAnalysis(IReadOnlyList<CommentTheme> Themes, Sentiment Sentiment, double Score, string Language = CommentLanguage.English);
