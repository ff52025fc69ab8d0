using PatientExperience.Core.Auditing;

namespace PatientExperience.Web.Controllers.Admin;

/// <summary>Admins search who looked at or changed which patient's data, and when.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/audit")]
public class AuditController(AuditSearch search, ClinicClock clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    private static readonly string[] CsvHeadings = ["When (clinic time)", "Staff member", "Action", "Record", "Record id", "Patient number", "API client"];

    [HttpGet("")]
    public async Task<IActionResult> Index(string? patient, int? staff, DateOnly? from, DateOnly? to, int page, int? client, CancellationToken cancellationToken)
    {
        var model = new AuditSearchViewModel(patient, staff, from, to, await search.StaffAsync(cancellationToken), null, client, await search.ApiClientsAsync(cancellationToken));
        if (!ReadFilter())
            return View(model);
        var result = await search.SearchAsync(new AuditQuery(patient, staff, from, to, page, client), cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer, "");
            return View(model);
        }
        return View(model with { Results = result.Value });
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export(string? patient, int? staff, DateOnly? from, DateOnly? to, int? client, CancellationToken cancellationToken)
    {
        if (!ReadFilter())
            return await Index(patient, staff, from, to, 1, client, cancellationToken);
        var result = await search.ExportAsync(new AuditQuery(patient, staff, from, to, ApiClientId: client), cancellationToken);
        if (!result.IsSuccess)
            return await Index(patient, staff, from, to, 1, client, cancellationToken);

        var csv = new CsvWriter().Row(CsvHeadings.Select(h => localizer[h].Value));
        foreach (var row in result.Value!)
        {
            csv.Row(clock.ToLocal(row.OccurredAtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                row.StaffName, row.Action.ToString(), row.EntityType, row.EntityId, row.PatientNumber, row.ApiClientName);
        }
        Response.Headers.CacheControl = "no-store";
        var name = $"audit-trail-{clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        return File(csv.ToUtf8WithBom(), "text/csv; charset=utf-8", name);
    }

    /// <summary>Plain words for what could not be read as a date or a number; false when something was unreadable.</summary>
    private bool ReadFilter()
    {
        ModelState.ReplaceBindingError("from", localizer["Enter a date like 2026-11-23."]);
        ModelState.ReplaceBindingError("to", localizer["Enter a date like 2026-11-23."]);
        ModelState.ReplaceBindingError("staff", localizer["Choose a staff member from the list."]);
        ModelState.ReplaceBindingError("client", localizer["Choose an API client from the list."]);
        ModelState.Remove("page"); // a page that is not a number is just the first page
        return ModelState.IsValid;
    }
}
