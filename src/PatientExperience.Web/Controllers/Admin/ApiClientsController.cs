using PatientExperience.Core.ApiClients;

namespace PatientExperience.Web.Controllers.Admin;

/// <summary>System logins for the FHIR API (docs/fhir.md): register one and see its secret once, list them, revoke one at once.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/api-clients")]
public class ApiClientsController(ApiClientRegistry registry, ClinicClock clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string SecretKey = "ApiClientSecret";
    private const string SecretForKey = "ApiClientSecretFor";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new ApiClientsPage(await registry.ListAsync(cancellationToken), clock));

    [HttpGet("new")]
    public IActionResult Create() => View(new ApiClientForm { ExpiresOn = clock.Today.AddYears(1) });

    [HttpPost("new")]
    [OnceOnly]
    public async Task<IActionResult> Register(ApiClientForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ModelState.ReplaceBindingError(nameof(form.ExpiresOn), localizer["Enter the expiry date as a date, such as 2027-12-31."]))
            return View("Create", form);
        var result = await registry.RegisterAsync(new RegisterApiClient(form.Name, form.Scopes, form.ExpiresOn), cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer);
            return View("Create", form);
        }
        // The secret goes to the next page only, in the encrypted TempData cookie, and is then gone.
        TempData[SecretKey] = result.Value!.Secret;
        TempData[SecretForKey] = result.Value.Id;
        return Redirect($"/admin/api-clients/{result.Value.Id}/created");
    }

    [HttpGet("{id:int}/created")]
    public async Task<IActionResult> Created(int id, CancellationToken cancellationToken)
    {
        var client = (await registry.ListAsync(cancellationToken)).FirstOrDefault(c => c.Id == id);
        if (client is null)
            return NotFound();
        var secret = TempData[SecretForKey] is int forId && forId == id ? TempData[SecretKey] as string : null;
        Response.Headers.CacheControl = "no-store";
        return View(new ApiClientCreatedPage(client, secret));
    }

    [HttpPost("{id:int}/revoke")]
    public async Task<IActionResult> Revoke(int id, CancellationToken cancellationToken)
    {
        var result = await registry.RevokeAsync(id, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        TempData["Message"] = localizer["Client revoked. Its tokens stop working now."].Value;
        return Redirect("/admin/api-clients");
    }
}

