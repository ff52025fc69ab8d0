using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.Controllers;

/// <summary>The words that give comments their themes and sentiment, for managers to read, try and change.</summary>
[Authorize(Policy = Policies.Manager)]
[Route("surveys/lexicon")]
public class SurveyLexiconController(LexiconService lexicon, IStringLocalizer<SharedResource> localizer) : Controller
{
    public const int SampleLength = 2000;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? sample, CancellationToken cancellationToken)
    {
        sample = sample is { Length: > SampleLength } ? sample[..SampleLength] : sample;
        var analysis = string.IsNullOrWhiteSpace(sample) ? null : await lexicon.TryAsync(sample, cancellationToken);
        return View(new LexiconPageViewModel(await lexicon.ListAsync(cancellationToken), new LexiconForm { Language = CommentLanguage.English }, sample, analysis));
    }

    [HttpPost("words")]
    [OnceOnly]
    public async Task<IActionResult> Add(LexiconForm form, CancellationToken cancellationToken)
    {
        var result = await lexicon.AddAsync(form.Language, form.Kind, form.Theme, form.Term, cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.Clear();
            ModelState.AddResultErrors(result, localizer);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", new LexiconPageViewModel(await lexicon.ListAsync(cancellationToken), form, null, null));
        }
        TempData["Message"] = localizer["Added. New comments are read with it from now on."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/remove")]
    public async Task<IActionResult> Remove(int id, CancellationToken cancellationToken)
    {
        var result = await lexicon.RemoveAsync(id, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        TempData["Message"] = localizer["Removed."].Value;
        return RedirectToAction(nameof(Index));
    }
}
