using System.Diagnostics;

namespace PatientExperience.Web.Controllers;

public partial class HomeController(ILogger<HomeController> logger) : Controller
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

    /// <summary>
    /// The language switch in the footer (for visitors who are not signed in): remembers the choice in the culture
    /// cookie for a year and goes back to the page, without any ?culture= that would override the new choice.
    /// A signed-in patient's language is the one on their details page; staff pages are in English.
    /// </summary>
    [HttpPost("home/language")]
    public IActionResult Language(string? culture, string? returnUrl)
    {
        if (SupportedLanguages.IsSupported(culture))
            PatientExperience.Web.Configurations.CultureLinks.Remember(Response, culture!);
        return LocalRedirect(WithoutCulture(returnUrl));
    }

    private string WithoutCulture(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !Url.IsLocalUrl(returnUrl))
            return "/";
        var question = returnUrl.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
            return returnUrl;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(returnUrl[question..]);
        query.Remove("culture");
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(returnUrl[..question], query);
    }

    // Error pages are re-run with the failed request's method: a refused POST must still get its page.
    [IgnoreAntiforgeryToken]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Error([FromServices] Microsoft.Extensions.Options.IOptions<ClinicOptions> clinic)
    {
        // A short reference to read out on the phone, logged with the failure (and the trace id, which ties it to the request's other lines).
        var reference = Configurations.ErrorReference.New();
        var failed = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>();
        LogError(failed?.Error, reference, Configurations.OneTimeLinkRedactor.Redact(failed?.Path ?? HttpContext.Request.Path.Value ?? "/"), Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier);
        return View("Error", new ViewModels.ErrorPageViewModel(reference, clinic.Value.Phone));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Error reference {ErrorReference}: the request for {FailedPath} failed (trace {TraceId})")]
    private partial void LogError(Exception? exception, string errorReference, string failedPath, string traceId);

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
