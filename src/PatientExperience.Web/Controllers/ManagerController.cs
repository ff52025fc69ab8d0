using PatientExperience.Core.Interactions;

namespace PatientExperience.Web.Controllers;

/// <summary>The manager's overview; satisfaction and complaint dashboards grow here.</summary>
[Authorize(Policy = Policies.Manager)]
[Route("manager")]
public class ManagerController(Core.Patients.PatientQueries patients, Core.Departments.DepartmentQueries departments, StaffQueries staff,
    InteractionQueries interactions, ClinicClock clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var byChannel = await interactions.ByChannelSinceAsync(clock.UtcNow.AddDays(-30), cancellationToken);
        var (activeDepartments, _) = await departments.ActiveCountsAsync(cancellationToken);
        return View(new ManagerHomeViewModel(await patients.CountAsync(cancellationToken), activeDepartments,
            (await staff.CountsAsync(cancellationToken)).ActiveClinicians, [.. byChannel.Select(c => (c.Channel, c.Count))]));
    }
}
