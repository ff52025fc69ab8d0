namespace PatientExperience.Core.Dashboards;

public sealed record DashboardCommentPage(IReadOnlyList<DashboardComment> Comments, int Page, int Pages, int Total);
