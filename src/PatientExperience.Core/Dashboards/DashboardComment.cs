using PatientExperience.Core.Surveys;

namespace PatientExperience.Core.Dashboards;

/// <summary>One comment as managers read it: when, where, who saw the patient, what the comment is about and its tone.</summary>
public sealed record DashboardComment(int ResponseId, DateOnly VisitDay, string Department, string Clinician, Sentiment? Sentiment,
    IReadOnlyList<CommentTheme> Themes, string Text);
