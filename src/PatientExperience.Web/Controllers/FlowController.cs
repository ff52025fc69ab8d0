using PatientExperience.Core.Appointments;
using PatientExperience.Core.Departments;

namespace PatientExperience.Web.Controllers;

/// <summary>The flow board: today's patients in a department, who waits and for how long.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("flow")]
public class FlowController(VisitFlow flow, DepartmentCatalog catalog, ClinicClock clock, Microsoft.AspNetCore.Authorization.IAuthorizationService authorization,
    IOptions<FlowOptions> options, StaffSites staffSites) : Controller
{
    /// <summary>A stream ends after this long; the browser's EventSource opens the next one by itself.</summary>
    public static readonly TimeSpan StreamLength = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    /// <param name="site">The site whose day to show (0 for every site); remembered. By default the staff member's own.</param>
    [HttpGet("")]
    public async Task<IActionResult> Index(int? departmentId, int? site, CancellationToken cancellationToken)
    {
        var where = await staffSites.ChooseAsync(HttpContext, site, cancellationToken);
        var departments = await catalog.SelectListAsync(cancellationToken, where.Chosen?.Id);
        var rows = await flow.TodayAsync(departmentId, null, where.Chosen, cancellationToken);
        var mayCheckIn = (await authorization.AuthorizeAsync(User, Policies.FrontDesk)).Succeeded;
        return View(new FlowBoardViewModel(departments, departmentId, rows, clock.UtcNow, mayCheckIn, options.Value.LateNoticeMinutes, where));
    }

    /// <summary>
    /// Server-sent events for the live pages (the flow board and the desk's day): "changed" with the day's version when
    /// it differs from the last one sent (the first is sent at once). The version is read from the database every
    /// <see cref="FlowOptions.LiveCheckSeconds"/>, so a change made through any instance of a cluster reaches every page.
    /// </summary>
    [HttpGet("events")]
    public async Task Events(CancellationToken cancellationToken)
    {
        Response.ContentType = "text/event-stream";
        Response.Headers.CacheControl = "no-store";
        // nginx (deploy/cluster) passes the stream on as it comes instead of buffering it.
        Response.Headers["X-Accel-Buffering"] = "no";
        var interval = TimeSpan.FromSeconds(Math.Max(0.2, options.Value.LiveCheckSeconds));
        // Real time, not the clinic's clock (tests move that one): this is only about how long the connection stays.
        var running = System.Diagnostics.Stopwatch.StartNew();
        var lastWrite = TimeSpan.Zero;
        string? last = null;
        // Only an EventSource (which asks for text/event-stream) is kept open; anything else (a link crawler, curl) gets
        // today's version once and the end of the answer.
        var streaming = Request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);
        await Response.WriteAsync($"retry: {(int)interval.TotalMilliseconds * 2}\n\n", cancellationToken);
        if (!streaming)
        {
            var now = await flow.VersionAsync(cancellationToken);
            await Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"event: changed\ndata: {now}\n\n"), cancellationToken);
            return;
        }
        await Response.Body.FlushAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested && running.Elapsed < StreamLength)
            {
                var version = await flow.VersionAsync(cancellationToken);
                var now = running.Elapsed;
                if (version != last)
                {
                    await Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"event: changed\ndata: {version}\n\n"), cancellationToken);
                    await Response.Body.FlushAsync(cancellationToken);
                    last = version;
                    lastWrite = now;
                }
                else if (now - lastWrite >= KeepAlive)
                {
                    await Response.WriteAsync(": still here\n\n", cancellationToken);
                    await Response.Body.FlushAsync(cancellationToken);
                    lastWrite = now;
                }
                await Task.Delay(interval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page was closed or the portal is stopping: nothing to say.
        }
    }
}
