using Microsoft.AspNetCore.RateLimiting;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.Controllers;

/// <summary>
/// Taking a survey: by the emailed link (no sign-in, the link is the key) or from the patient's own page.
/// A used, expired or tampered link gets a kind page and stores nothing.
/// </summary>
public class SurveyController(SurveyService surveys, CurrentPatient currentPatient, IOptions<ClinicOptions> clinic, IStringLocalizer<SharedResource> localizer,
    PhoneFormat phones) : Controller
{
    public const string AnswerPrefix = "q_";

    public const string StepField = "step";
    public const string NavField = "nav";

    [AllowAnonymous]
    [HttpGet("survey/{token}")]
    [EnableRateLimiting(SecurityConfiguration.SurveyPolicy)]
    public async Task<IActionResult> Show(string token, int? step, CancellationToken cancellationToken) =>
        Page(await surveys.FindAsync(SurveyKey.ForToken(token), cancellationToken), ActionFor(token), new Dictionary<string, string?>(), step);

    [AllowAnonymous]
    [HttpPost("survey/{token}")]
    [EnableRateLimiting(SecurityConfiguration.SurveyPolicy)]
    public Task<IActionResult> Submit(string token, CancellationToken cancellationToken) =>
        SubmitAsync(SurveyKey.ForToken(token), ActionFor(token), cancellationToken);

    [Authorize(Policy = Policies.Patient)]
    [HttpGet("my/surveys/{id:int}")]
    public async Task<IActionResult> Mine(int id, int? step, CancellationToken cancellationToken)
    {
        var patientId = await currentPatient.IdAsync(cancellationToken);
        if (patientId is null)
            return NotFound();
        var lookup = await surveys.FindAsync(SurveyKey.ForPatient(id, patientId.Value), cancellationToken);
        if (lookup.State == SurveyState.NotFound)
            return NotFound();
        return Page(lookup, $"/my/surveys/{id}", new Dictionary<string, string?>(), step);
    }

    [Authorize(Policy = Policies.Patient)]
    [HttpPost("my/surveys/{id:int}")]
    [EnableRateLimiting(SecurityConfiguration.SurveyPolicy)]
    public async Task<IActionResult> SubmitMine(int id, CancellationToken cancellationToken)
    {
        var patientId = await currentPatient.IdAsync(cancellationToken);
        if (patientId is null)
            return NotFound();
        return await SubmitAsync(SurveyKey.ForPatient(id, patientId.Value), $"/my/surveys/{id}", cancellationToken);
    }

    /// <summary>
    /// One screen's POST. "next" keeps the screen's answers as a draft and shows the next screen; "back" keeps them if
    /// they are valid and shows the one before; "send" (or a form without the buttons) sends the whole survey through
    /// <see cref="SurveyService.SubmitAsync"/>, the draft included.
    /// </summary>
    private async Task<IActionResult> SubmitAsync(SurveyKey key, string action, CancellationToken cancellationToken)
    {
        var posted = new Dictionary<string, string?>();
        string? nav = null;
        var screen = 0;
        if (Request.HasFormContentType)
        {
            foreach (var (name, value) in Request.Form)
            {
                if (name.StartsWith(AnswerPrefix, StringComparison.Ordinal))
                    posted[name[AnswerPrefix.Length..]] = value.ToString();
            }
            nav = Request.Form[NavField].ToString();
            if (int.TryParse(Request.Form[StepField].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var step))
                screen = Math.Max(0, step - 1);
        }
        if (nav is "next" or "back")
        {
            var saved = await surveys.SaveScreenAsync(key, screen, posted, nav == "next", cancellationToken);
            if (saved.IsSuccess && saved.Value != SurveyState.Open)
                return Page(new SurveyLookup(saved.Value, null), action, posted, null);
            if (!saved.IsSuccess && nav == "next")
                return Invalid(saved.Errors, await surveys.FindAsync(key, cancellationToken), action, posted, screen);
            // Back never stops on a wrong answer: the screen before is shown, and this one keeps what was valid before.
            return Redirect(StepUrl(action, nav == "next" ? screen + 2 : Math.Max(1, screen)));
        }

        var result = await surveys.SubmitAsync(key, posted, cancellationToken);
        if (!result.IsSuccess)
        {
            var lookup = await surveys.FindAsync(key, cancellationToken);
            // The screen of the first wrong answer (the one posted from when the error is about the whole survey).
            var screens = lookup.View?.Screens ?? [];
            var first = result.Errors.Select(e => screens.ToList().FindIndex(s => s.Questions.Any(q => q.Key == e.Field))).FirstOrDefault(i => i >= 0, -1);
            return Invalid(result.Errors, lookup, action, posted, first >= 0 ? first : screen);
        }
        var outcome = result.Value!;
        if (outcome.State != SurveyState.Open)
            return Page(new SurveyLookup(outcome.State, null), action, posted, null);
        return View("Thanks", new SurveyMessageViewModel(localizer["Thank you"].Value,
            outcome.Triggers.Count > 0
                ? localizer["Thank you for telling us. We are sorry it was not as good as it should have been. Your answers have gone to the team's manager, who will look into it."].Value
                : localizer["Your answers help us make visits better for everyone."].Value));
    }

    private ViewResult Invalid(IReadOnlyList<ValidationError> errors, SurveyLookup lookup, string action, IReadOnlyDictionary<string, string?> posted, int screen)
    {
        foreach (var error in errors)
            ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : AnswerPrefix + error.Field, localizer[error.Message]);
        var page = Page(lookup, action, posted, screen + 1);
        if (lookup.State == SurveyState.Open)
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    private static string StepUrl(string action, int step) =>
        action + (action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + StepField + "=" + step.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private ViewResult Page(SurveyLookup lookup, string action, IReadOnlyDictionary<string, string?> posted, int? step)
    {
        switch (lookup.State)
        {
            case SurveyState.Open:
                var view = lookup.View!;
                var screen = step is { } s && s >= 1 ? Math.Min(s, view.Screens.Count) - 1 : view.FirstUnansweredScreen;
                return View("Show", new SurveyPageViewModel(view, action, posted, clinic.Value.Name) { Screen = screen });
            case SurveyState.Answered:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Unavailable", new SurveyMessageViewModel(localizer["Already answered"].Value,
                    localizer["This survey has already been answered. Thank you, we have your answers. Each link works once."].Value));
            case SurveyState.Expired:
                Response.StatusCode = StatusCodes.Status410Gone;
                return View("Unavailable", new SurveyMessageViewModel(localizer["This survey has closed"].Value,
                    localizer["Sorry, this survey is no longer open. If you want to tell us about your visit, call us on {0}.", phones.SiteOrGroup(null, clinic.Value.Phone)].Value));
            default:
                Response.StatusCode = StatusCodes.Status404NotFound;
                return View("Unavailable", new SurveyMessageViewModel(localizer["We could not open this survey"].Value,
                    localizer["This link is not valid. It may have been copied only in part: try opening it straight from the email."].Value));
        }
    }

    private string ActionFor(string token) =>
        "/survey/" + Uri.EscapeDataString(token) + (Request.Query.TryGetValue("culture", out var culture) && SupportedLanguages.IsSupported(culture.ToString())
            ? "?culture=" + Uri.EscapeDataString(culture.ToString()) : string.Empty);
}
