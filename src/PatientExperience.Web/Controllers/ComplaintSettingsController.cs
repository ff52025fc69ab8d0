using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Common;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Staff;
using PatientExperience.Web.Forms;
using PatientExperience.Web.ViewModels;

namespace PatientExperience.Web.Controllers;

/// <summary>Admins choose the complaint policy pack and reopen window (stored in the database) and keep the category list.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("complaints/settings")]
public class ComplaintSettingsController(
    IAppDbContext db,
    IOptions<ComplaintOptions> options,
    ClinicClock clock,
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
        var settings = await db.ComplaintSettings.AsTracking().FirstOrDefaultAsync(s => s.Id == ComplaintSettings.SingletonId, cancellationToken);
        if (settings is null)
            db.ComplaintSettings.Add(settings = new ComplaintSettings(policyPack!, days));
        else
            settings.Update(policyPack!, days);
        settings.ModifiedAtUtc = clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = localizer["Saved. New deadlines follow {0}; open complaints keep theirs until their next change.", PolicyPacks.Find(policyPack).Name].Value;
        return Redirect("/complaints/settings");
    }

    [HttpPost("categories")]
    [OnceOnly]
    public async Task<IActionResult> AddCategory(string? name, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
            ModelState.AddModelError("NewCategory", localizer["Enter the category's name."]);
        else if (trimmed.Length > SchemaLimits.NameLength)
            ModelState.AddModelError("NewCategory", localizer["Keep the name under {0} characters.", SchemaLimits.NameLength]);
        else if (await db.ComplaintCategories.AnyAsync(c => c.Name == trimmed, cancellationToken))
            ModelState.AddModelError("NewCategory", localizer["There is already a category with that name."]);
        if (!ModelState.IsValid)
            return View("Index", await ModelAsync(null, null, name, cancellationToken));
        var order = (await db.ComplaintCategories.MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0) + 10;
        db.ComplaintCategories.Add(new ComplaintCategory(trimmed, order));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = localizer["Category added."].Value;
        return Redirect("/complaints/settings");
    }

    [HttpPost("categories/{id:int}")]
    public async Task<IActionResult> ToggleCategory(int id, CancellationToken cancellationToken)
    {
        var category = await db.ComplaintCategories.AsTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
            return NotFound();
        category.SetActive(!category.IsActive);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = localizer[category.IsActive ? "Category back in use." : "Category retired. Past complaints keep it."].Value;
        return Redirect("/complaints/settings");
    }

    private async Task<ComplaintSettingsViewModel> ModelAsync(string? pack, string? reopenDays, string? newCategory, CancellationToken cancellationToken)
    {
        var stored = await db.ComplaintSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ComplaintSettings.SingletonId, cancellationToken);
        var categories = await db.ComplaintCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        ViewData["Entered.ReopenDays"] = reopenDays;
        return new ComplaintSettingsViewModel(pack ?? stored?.PolicyPack ?? PolicyPacks.Find(options.Value.PolicyPack).Code,
            stored?.ReopenDays ?? options.Value.ReopenDays, stored is not null, PolicyPacks.Find(options.Value.PolicyPack).Name, categories, newCategory);
    }
}
