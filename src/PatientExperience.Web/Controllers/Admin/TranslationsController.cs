using PatientExperience.Core.Localization;
using PatientExperience.Web.Localization;

namespace PatientExperience.Web.Controllers.Admin;

/// <summary>
/// The Spanish and Chinese versions of what admins write in English (department and service names, job titles,
/// directions, what to bring, complaint topics, questionnaire names). Patients see them in their language; a text
/// with no version is shown in English, and the page says how many are missing.
/// </summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/translations")]
public class TranslationsController(NameTranslationCatalog catalog, PatientNames names, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(TranslationsPageViewModel.From(await catalog.ListAsync(cancellationToken), posted: null, TranslationsPageViewModel.Shipped(localizer)));

    [HttpPost("")]
    [OnceOnly]
    public async Task<IActionResult> Save(TranslationsForm form, CancellationToken cancellationToken)
    {
        var edits = form.Edits ?? [];
        var result = await catalog.SaveAsync([.. edits.Select(e => new TranslationEdit(e.Source, e.Language, e.Text))], cancellationToken);
        if (!result.IsSuccess)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(string.Empty, error.Message);
            // Shown again with what was typed, so nothing is lost.
            return View("Index", TranslationsPageViewModel.From(await catalog.ListAsync(cancellationToken), edits, TranslationsPageViewModel.Shipped(localizer)));
        }
        await names.RefreshAsync(cancellationToken);
        TempData["Message"] = result.Value switch
        {
            0 => "Nothing had changed.",
            1 => "1 translation saved. Patients see it now.",
            var n => $"{n} translations saved. Patients see them now.",
        };
        return RedirectToAction(nameof(Index));
    }
}
