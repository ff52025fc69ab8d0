using PatientExperience.Core.Surveys;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// The comments behind the satisfaction numbers: responses with a comment for visits in the filter (same days,
/// department, clinician and service), optionally one theme or sentiment, newest visit first, a page at a time.
/// Names of patients are never shown; the whole response (audited) is a link away.
/// </summary>
public sealed class DashboardComments(IAppDbContext db, ClinicClock clock)
{
    public const int PageSize = 25;

    public async Task<DashboardCommentPage> FindAsync(DashboardFilter filter, CommentTheme? theme, Sentiment? sentiment, int page, DashboardLookups lookups,
        CancellationToken cancellationToken)
    {
        var fromUtc = filter.FromUtc(clock.Zone);
        var toUtc = filter.ToUtcExclusive(clock.Zone);
        var query = db.SurveyResponses.AsNoTracking().Where(r => r.Comment != null && r.VisitStartUtc >= fromUtc && r.VisitStartUtc < toUtc);
        if (filter.DepartmentId is { } department)
            query = query.Where(r => r.DepartmentId == department);
        if (filter.ClinicianId is { } clinician)
            query = query.Where(r => r.ClinicianId == clinician);
        if (lookups.Narrow(filter).SiteDepartmentIds is { } site)
            query = query.Where(r => site.Contains(r.DepartmentId));
        if (filter.ServiceId is { } service)
            query = query.Where(r => r.ServiceId == service);
        if (sentiment is { } s)
            query = query.Where(r => r.CommentSentiment == s);
        if (theme is { } t)
        {
            // Themes are stored comma-separated by name; match whole names only.
            var name = t.ToString();
            query = query.Where(r => ("," + r.CommentThemes + ",").Contains("," + name + ","));
        }
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await query.OrderByDescending(r => r.VisitStartUtc).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new { r.Id, r.VisitStartUtc, r.DepartmentId, r.ClinicianId, r.CommentSentiment, r.CommentThemes, r.Comment })
            .ToListAsync(cancellationToken);
        var comments = rows.Select(r => new DashboardComment(r.Id, ClinicDays.Of(r.VisitStartUtc, clock.Zone), lookups.DepartmentName(r.DepartmentId),
            lookups.ClinicianName(r.ClinicianId), r.CommentSentiment,
            [.. (r.CommentThemes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => Enum.TryParse<CommentTheme>(x, out var v) ? v : (CommentTheme?)null)
                .Where(v => v is not null).Select(v => v!.Value)],
            r.Comment!)).ToList();
        return new DashboardCommentPage(comments, page, pages, total);
    }
}
