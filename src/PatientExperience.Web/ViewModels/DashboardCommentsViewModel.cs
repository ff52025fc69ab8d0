using PatientExperience.Core.Dashboards;

namespace PatientExperience.Web.ViewModels;

/// <summary>The comments page: the dashboard's filter, the chosen theme and tone (as entered) and one page of comments.</summary>
public sealed record DashboardCommentsViewModel(DashboardViewModel Dashboard, DashboardFilter Filter, string? Theme, string? Sentiment, DashboardCommentPage Found)
{
    public string PageQuery(int page)
    {
        var query = Dashboard.FilterQuery();
        if (!string.IsNullOrEmpty(Theme))
            query += "&theme=" + Uri.EscapeDataString(Theme);
        if (!string.IsNullOrEmpty(Sentiment))
            query += "&sentiment=" + Uri.EscapeDataString(Sentiment);
        return query + "&page=" + page.ToString(CultureInfo.InvariantCulture);
    }
}

