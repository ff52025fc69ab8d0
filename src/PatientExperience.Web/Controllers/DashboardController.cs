using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.Controllers;

/// <summary>
/// The managers' dashboard: every registered <see cref="IDashboardSection"/> for one filter, with charts, sortable
/// tables and a CSV of each table. GET only, so every view of it is a link that can be shared or bookmarked.
/// </summary>
[Authorize(Policy = Policies.Manager)]
[Route("dashboard")]
public class DashboardController(DashboardService dashboards, DashboardComments comments, ClinicClock clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DashboardFilterInput input, [FromQuery] string? sort, [FromQuery] string? dir, CancellationToken cancellationToken)
    {
        var (lookups, report) = await BuildAsync(input, sort, dir, cancellationToken);
        return View(new DashboardViewModel(input, lookups, report, sort, dir, clock.ZoneName));
    }

    [HttpGet("csv/{table}")]
    public async Task<IActionResult> Csv(string table, [FromQuery] DashboardFilterInput input, [FromQuery] string? sort, [FromQuery] string? dir, CancellationToken cancellationToken)
    {
        var (_, report) = await BuildAsync(input, sort, dir, cancellationToken);
        if (report is null)
            return Redirect("/dashboard" + Request.QueryString); // the page explains what to fix
        if (report.FindTable(table) is not { } found)
            return NotFound();
        var csv = DashboardCsv.Write(found, localizer);
        // A site's files are named after it, so Chicago's and New York's downloads of one table do not share a name.
        var site = report.Filter.SiteId is { } siteId ? FileNamePart(report.Lookups.SiteName(siteId), siteId) + "_" : "";
        var name = string.Create(CultureInfo.InvariantCulture, $"{found.Key}_{site}{report.Filter.From:yyyy-MM-dd}_{report.Filter.To:yyyy-MM-dd}.csv");
        return File(csv.ToUtf8WithBom(), "text/csv; charset=utf-8", name);
    }

    /// <summary>
    /// The comments behind the satisfaction numbers, with the same filter, optionally one theme or sentiment; each links to
    /// the whole response (a page that records every view in the audit trail).
    /// </summary>
    [HttpGet("comments")]
    public async Task<IActionResult> Comments([FromQuery] DashboardFilterInput input, [FromQuery] string? theme, [FromQuery] string? sentiment,
        [FromQuery] int page, CancellationToken cancellationToken)
    {
        var lookups = await dashboards.LookupsAsync(cancellationToken);
        var parsed = DashboardFilters.Parse(input, clock.Today);
        // A filter box that could not be read as a number (site=abc): the dashboard says what to fix.
        var unreadable = new[] { nameof(DashboardFilterInput.Site), nameof(DashboardFilterInput.Department), nameof(DashboardFilterInput.Clinician), nameof(DashboardFilterInput.Service) }
            .Any(field => ModelState[field]?.Errors.Count > 0);
        CommentTheme? chosenTheme = null;
        Sentiment? chosenSentiment = null;
        if (!string.IsNullOrEmpty(theme))
        {
            if (Enum.TryParse<CommentTheme>(theme, ignoreCase: true, out var t) && Enum.IsDefined(t))
                chosenTheme = t;
            else
                ModelState.AddModelError(nameof(theme), localizer["Choose a theme from the list."]);
        }
        if (!string.IsNullOrEmpty(sentiment))
        {
            if (Enum.TryParse<Sentiment>(sentiment, ignoreCase: true, out var s) && Enum.IsDefined(s))
                chosenSentiment = s;
            else
                ModelState.AddModelError(nameof(sentiment), localizer["Choose a tone from the list."]);
        }
        if (!parsed.IsSuccess || unreadable || (input.Site is { } site && !lookups.SiteExists(site)))
            return Redirect("/dashboard" + Request.QueryString); // the dashboard explains what to fix in the filter
        var found = ModelState.IsValid
            ? await comments.FindAsync(parsed.Value!, chosenTheme, chosenSentiment, page, lookups, cancellationToken)
            : new DashboardCommentPage([], 1, 1, 0);
        return View(new DashboardCommentsViewModel(new DashboardViewModel(input, lookups, null, null, null, clock.ZoneName), parsed.Value!,
            theme, sentiment, found));
    }

    /// <summary>"Chicago Loop Clinic" → "chicago-loop-clinic": ASCII letters and digits, the rest one dash ("site-2" if nothing is left).</summary>
    private static string FileNamePart(string name, int id)
    {
        var part = System.Text.RegularExpressions.Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        return part.Length > 0 ? part : string.Create(CultureInfo.InvariantCulture, $"site-{id}");
    }

    private async Task<(DashboardLookups Lookups, DashboardReport? Report)> BuildAsync(DashboardFilterInput input, string? sort, string? dir, CancellationToken cancellationToken)
    {
        var lookups = await dashboards.LookupsAsync(cancellationToken);
        // A box that could not be read as a number: say so in words, keep the rest.
        ModelState.ReplaceBindingError(nameof(DashboardFilterInput.Site), localizer["Choose a site from the list."]);
        foreach (var field in new[] { nameof(DashboardFilterInput.Department), nameof(DashboardFilterInput.Clinician), nameof(DashboardFilterInput.Service) })
            ModelState.ReplaceBindingError(field, localizer["Choose from the list."]);
        var parsed = DashboardFilters.Parse(input, clock.Today);
        ModelState.AddResultErrors(parsed, localizer);
        // A site that is not one of the group's: say so, and narrow nothing else by it.
        var site = input.Site;
        if (site is { } chosen && !lookups.SiteExists(chosen))
        {
            ModelState.AddModelError(nameof(DashboardFilterInput.Site), localizer["Choose a site from the list."]);
            site = null;
        }
        if (input.Department is { } d && lookups.Departments.FirstOrDefault(x => x.Id == d) is var department)
        {
            if (department is null)
                ModelState.AddModelError(nameof(DashboardFilterInput.Department), localizer["Choose a department from the list."]);
            else if (!lookups.IsAt(site, department.Id))
                ModelState.AddModelError(nameof(DashboardFilterInput.Department), localizer["That department is not at the site you chose. Choose one of its departments, or All departments."]);
        }
        if (input.Clinician is { } c && lookups.Clinicians.FirstOrDefault(x => x.Id == c) is var clinician)
        {
            if (clinician is null)
                ModelState.AddModelError(nameof(DashboardFilterInput.Clinician), localizer["Choose a clinician from the list."]);
            else if (!lookups.IsAt(site, clinician.DepartmentId))
                ModelState.AddModelError(nameof(DashboardFilterInput.Clinician), localizer["That clinician does not work at the site you chose. Choose one who does, or All clinicians."]);
        }
        if (input.Service is { } s && lookups.Services.FirstOrDefault(x => x.Id == s) is var service)
        {
            if (service is null)
                ModelState.AddModelError(nameof(DashboardFilterInput.Service), localizer["Choose a service from the list."]);
            else if (!lookups.IsAt(site, service.DepartmentId))
                ModelState.AddModelError(nameof(DashboardFilterInput.Service), localizer["That service is not offered at the site you chose. Choose one that is, or All services."]);
        }
        if (!ModelState.IsValid || !parsed.IsSuccess)
            return (lookups, null);
        var report = await dashboards.BuildAsync(parsed.Value!, lookups, cancellationToken);
        return (lookups, DashboardSorting.Apply(report, sort, dir));
    }
}
