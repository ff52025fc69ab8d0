using PatientExperience.Core.Complaints;

namespace PatientExperience.Web.Controllers;

/// <summary>Admins choose the complaint policy pack and reopen window (stored in the database) and keep the category list.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("complaints/settings")]
public class ComplaintSettingsController(
    ComplaintSettingsService settingsService,
    ComplaintPolicy policy,
    IOptions<ComplaintOptions> options,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    public const int MaxReopenDays = 365;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await ModelAsync(null, null, null, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Save(string? policyPack, string? reopenDays, CancellationToken cancellationToken)
    {
        if (!PolicyPacks.Exists(policyPack))
            ModelState.AddModelError("PolicyPack", localizer["Choose a policy from the list."]);
        if (!int.TryParse(reopenDays, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) || days < 0 || days > MaxReopenDays)
            ModelState.AddModelError("ReopenDays", localizer["Enter a whole number of days from 0 to {0}.", MaxReopenDays]);
        if (!ModelState.IsValid)
            return View("Index", await ModelAsync(policyPack, reopenDays, null, cancellationToken));
        await settingsService.SaveAsync(policyPack!, days, cancellationToken);
        TempData["Message"] = localizer["Saved. New deadlines follow {0}; open complaints keep theirs until their next change.", PolicyPacks.Find(policyPack).Name].Value;
        return Redirect("/complaints/settings");
    }

    [HttpPost("categories")]
    [OnceOnly]
    public async Task<IActionResult> AddCategory(string? name, CancellationToken cancellationToken)
    {
        var result = await settingsService.AddCategoryAsync(name, cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer);
            return View("Index", await ModelAsync(null, null, name, cancellationToken));
        }
        TempData["Message"] = localizer["Category added."].Value;
        return Redirect("/complaints/settings");
    }

    [HttpPost("categories/{id:int}")]
    public async Task<IActionResult> ToggleCategory(int id, CancellationToken cancellationToken)
    {
        var result = await settingsService.ToggleCategoryAsync(id, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        TempData["Message"] = localizer[result.Value ? "Category back in use." : "Category retired. Past complaints keep it."].Value;
        return Redirect("/complaints/settings");
    }

    private async Task<ComplaintSettingsViewModel> ModelAsync(string? pack, string? reopenDays, string? newCategory, CancellationToken cancellationToken)
    {
        var stored = await policy.StoredAsync(cancellationToken);
        var categories = await settingsService.CategoriesAsync(cancellationToken);
        ViewData["Entered.ReopenDays"] = reopenDays;
        return new ComplaintSettingsViewModel(pack ?? stored?.PolicyPack ?? PolicyPacks.Find(options.Value.PolicyPack).Code,
            stored?.ReopenDays ?? options.Value.ReopenDays, stored is not null, PolicyPacks.Find(options.Value.PolicyPack).Name, categories, newCategory);
    }
}
