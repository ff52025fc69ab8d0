using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Staff;
using PatientExperience.Core.Surveys;
using PatientExperience.Web.ViewModels;

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
        var name = string.Create(CultureInfo.InvariantCulture, $"{found.Key}_{report.Filter.From:yyyy-MM-dd}_{report.Filter.To:yyyy-MM-dd}.csv");
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
        if (!parsed.IsSuccess)
            return Redirect("/dashboard" + Request.QueryString); // the dashboard explains what to fix in the filter
        var found = ModelState.IsValid
            ? await comments.FindAsync(parsed.Value!, chosenTheme, chosenSentiment, page, lookups, cancellationToken)
            : new DashboardCommentPage([], 1, 1, 0);
        return View(new DashboardCommentsViewModel(new DashboardViewModel(input, lookups, null, null, null, clock.ZoneName), parsed.Value!,
            theme, sentiment, found));
    }

    private async Task<(DashboardLookups Lookups, DashboardReport? Report)> BuildAsync(DashboardFilterInput input, string? sort, string? dir, CancellationToken cancellationToken)
    {
        var lookups = await dashboards.LookupsAsync(cancellationToken);
        // A box that could not be read as a number: say so in words, keep the rest.
        foreach (var field in new[] { nameof(DashboardFilterInput.Department), nameof(DashboardFilterInput.Clinician), nameof(DashboardFilterInput.Service) })
            ModelState.ReplaceBindingError(field, localizer["Choose from the list."]);
        var parsed = DashboardFilters.Parse(input, clock.Today);
        ModelState.AddResultErrors(parsed, localizer);
        if (input.Department is { } d && lookups.Departments.All(x => x.Id != d))
            ModelState.AddModelError(nameof(DashboardFilterInput.Department), localizer["Choose a department from the list."]);
        if (input.Clinician is { } c && lookups.Clinicians.All(x => x.Id != c))
            ModelState.AddModelError(nameof(DashboardFilterInput.Clinician), localizer["Choose a clinician from the list."]);
        if (input.Service is { } s && lookups.Services.All(x => x.Id != s))
            ModelState.AddModelError(nameof(DashboardFilterInput.Service), localizer["Choose a service from the list."]);
        if (!ModelState.IsValid || !parsed.IsSuccess)
            return (lookups, null);
        var report = await dashboards.BuildAsync(parsed.Value!, lookups, cancellationToken);
        return (lookups, DashboardSorting.Apply(report, sort, dir));
    }
}
