using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PatientExperience.Core.Staff;

namespace PatientExperience.Web.Controllers;

public class HomeController : Controller
{
    /// <summary>Signed-in people go straight to the home page of their role; others see the welcome page.</summary>
    public IActionResult Index()
    {
        if (User.Identity?.IsAuthenticated != true)
            return View();
        return Redirect(HomeFor(User));
    }

    public static string HomeFor(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? "/admin"
        : user.IsInRole(Roles.Manager) ? "/manager"
        : user.IsInRole(Roles.Clinician) ? "/clinician"
        : user.IsInRole(Roles.FrontDesk) ? "/frontdesk"
        : user.IsInRole(Roles.Patient) ? "/my"
        : "/";

    public IActionResult Privacy() => View();

    // Error pages are re-run with the failed request's method: a refused POST must still get its page.
    [IgnoreAntiforgeryToken]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Error() => View("Error", Activity.Current?.Id ?? HttpContext.TraceIdentifier);

    [IgnoreAntiforgeryToken]
    [Route("home/status/{code:int}")]
    public IActionResult Status(int code)
    {
        // Only error codes: anything else typed into the address (1, 200, 99999) is simply not a page.
        if (code is < 400 or > 599)
            code = StatusCodes.Status404NotFound;
        Response.StatusCode = code;
        return View("Status", code);
    }
}
