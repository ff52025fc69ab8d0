using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;
using PatientExperience.Core.Staff;
using PatientExperience.Web.ViewModels;

namespace PatientExperience.Web.Controllers.Admin;

[Authorize(Policy = Policies.Admin)]
[Route("admin")]
public class AdminController(IAppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new AdminHomeViewModel(
            await db.Departments.CountAsync(d => d.IsActive, cancellationToken),
            await db.ClinicServices.CountAsync(s => s.IsActive, cancellationToken),
            await db.StaffMembers.CountAsync(s => s.IsActive, cancellationToken),
            await db.StaffMembers.CountAsync(s => !s.IsActive, cancellationToken)));
}
