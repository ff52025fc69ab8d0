using PatientExperience.Core.Localization;
using PatientExperience.Core.Surveys;
using PatientExperience.Web.Localization;

namespace PatientExperience.Web.Controllers;

/// <summary>Managers create questionnaires, edit the draft (reword, reorder, retire, add) and publish versions.</summary>
[Authorize(Policy = Policies.Manager)]
[Route("questionnaires")]
public class QuestionnairesController(
    QuestionnaireCatalog catalog, NameTranslationCatalog translations, PatientNames names, Core.Departments.DepartmentQueries departmentQueries, SurveyResponses responses, ClinicClock clock,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new QuestionnairesIndexViewModel(await catalog.ListAsync(cancellationToken), new QuestionnaireForm(), await DepartmentsAsync(cancellationToken)));

    [HttpPost("")]
    [OnceOnly]
    public async Task<IActionResult> Create([Bind(Prefix = "New")] QuestionnaireForm form, CancellationToken cancellationToken)
    {
        var result = await catalog.SaveAsync(null, new SaveQuestionnaire(form.Name, form.DepartmentId, null, true, form.TemplateId ?? SurveyTemplates.CgCahpsVisitId), cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.Clear();
            ModelState.AddResultErrors(result, localizer, "New.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", new QuestionnairesIndexViewModel(await catalog.ListAsync(cancellationToken), form, await DepartmentsAsync(cancellationToken)));
        }
        TempData["Message"] = localizer["Questionnaire added from the question set. Add your own questions after the core ones, then publish."].Value;
        return RedirectToAction(nameof(Edit), new { id = result.Value });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var questionnaire = await catalog.GetAsync(id, cancellationToken);
        if (questionnaire is null)
            return NotFound();
        var settings = new QuestionnaireForm
        {
            Id = id, Name = questionnaire.Name, DepartmentId = questionnaire.DepartmentId, ServiceId = questionnaire.ServiceId, IsActive = questionnaire.IsActive,
        };
        return View(await PageAsync(questionnaire, settings, DraftOf(questionnaire), cancellationToken));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Save(int id, [Bind(Prefix = "Settings")] QuestionnaireForm form, CancellationToken cancellationToken)
    {
        var result = await catalog.SaveAsync(id, new SaveQuestionnaire(form.Name, form.DepartmentId, form.ServiceId, form.IsActive), cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        if (!result.IsSuccess)
        {
            ModelState.Clear();
            ModelState.AddResultErrors(result, localizer, "Settings.");
            if (await catalog.GetAsync(id, cancellationToken) is not { } questionnaire)
                return NotFound();
            form.Id = id;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", await PageAsync(questionnaire, form, DraftOf(questionnaire), cancellationToken));
        }
        TempData["Message"] = localizer["Saved."].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:int}/questions")]
    public async Task<IActionResult> SaveDraft(int id, [Bind(Prefix = "Draft")] DraftForm form, CancellationToken cancellationToken)
    {
        var added = string.IsNullOrWhiteSpace(form.New.Key) && string.IsNullOrWhiteSpace(form.New.Text) ? null : form.New.ToDraft();
        var result = await catalog.SaveDraftAsync(id, [.. form.Questions.Select(q => q.ToDraft())], added, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        if (!result.IsSuccess)
        {
            ModelState.Clear();
            ModelState.AddResultErrors(result, localizer, "Draft.");
            if (await catalog.GetAsync(id, cancellationToken) is not { } questionnaire)
                return NotFound();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", await PageAsync(questionnaire, SettingsOf(questionnaire), form, cancellationToken));
        }
        TempData["Message"] = localizer["Questions saved as a draft. Publish to use them for new visits."].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>
    /// The manager's Spanish and Chinese wording of their own questions (the standard sets ship theirs). Saved as the
    /// admin's names are (<see cref="NameTranslationCatalog"/>), so <c>/admin/translations</c> shows the same versions.
    /// Only this questionnaire's own questions can be saved here.
    /// </summary>
    [HttpPost("{id:int}/translations")]
    [OnceOnly]
    public async Task<IActionResult> SaveTranslations(int id, TranslationsForm form, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(id, cancellationToken) is not { } questionnaire)
            return NotFound();
        var edits = form.Edits ?? [];
        var own = (await translations.SurveyQuestionsAsync(id, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var result = edits.Any(e => e.Source is null || !own.Contains(e.Source))
            ? Result<int>.Invalid([new ValidationError(string.Empty, "A question on this page is no longer in this questionnaire (it was reworded or removed). Reload the page and try again.")])
            : await translations.SaveAsync([.. edits.Select(e => new TranslationEdit(e.Source, e.Language, e.Text))], cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.Clear();
            foreach (var error in result.Errors)
                ModelState.AddModelError("Translations", error.Message);
            Response.StatusCode = result.Status == ResultStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            // Shown again with what was typed, so nothing is lost.
            return View("Edit", await PageAsync(questionnaire, SettingsOf(questionnaire), DraftOf(questionnaire), cancellationToken, edits));
        }
        await names.RefreshAsync(cancellationToken);
        TempData["Message"] = result.Value switch
        {
            0 => "Nothing had changed.",
            1 => "1 translation saved. Patients see it now.",
            var n => $"{n} translations saved. Patients see them now.",
        };
        return Redirect($"/questionnaires/{id}#translations-h");
    }

    [HttpPost("{id:int}/publish")]
    [OnceOnly]
    public async Task<IActionResult> Publish(int id, CancellationToken cancellationToken)
    {
        var result = await catalog.PublishAsync(id, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        if (result.IsSuccess)
            TempData["Message"] = localizer["Published as version {0}. Visits from now on get it; earlier answers keep their version.", result.Value].Value;
        else
            TempData["Error"] = localizer[result.Errors[0].Message].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>
    /// The NHS Friends and Family Test answers of every questionnaire, one row per month the answer came in and department, in
    /// the shape NHS England collects: counts of each answer, the total (don't know included) and % positive / negative.
    /// </summary>
    [HttpGet("fft.csv")]
    public async Task<IActionResult> FriendsFamilyCsv(CancellationToken cancellationToken)
    {
        var answers = await responses.FriendsFamilyAnswersAsync(cancellationToken);
        var departments = (await departmentQueries.NamesAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        var csv = new CsvWriter().Row("Month", "Department", "Very good", "Good", "Neither good nor poor", "Poor", "Very poor", "Don't know",
            "Total responses", "Percentage positive", "Percentage negative");
        var rows = answers
            .GroupBy(a => (Month: clock.ToLocal(a.RespondedAtUtc).ToString("yyyy-MM", CultureInfo.InvariantCulture), Department: departments.GetValueOrDefault(a.DepartmentId, "?")))
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => g.Key.Department, StringComparer.Ordinal);
        foreach (var group in rows)
        {
            var counts = FftCounts.Of(group.Select(a => a.Value));
            csv.Row(group.Key.Month, group.Key.Department, Count(counts.VeryGood), Count(counts.Good), Count(counts.Neither), Count(counts.Poor),
                Count(counts.VeryPoor), Count(counts.DontKnow), Count(counts.Total), Percent(counts.Positive), Percent(counts.Negative));
        }
        return File(csv.ToUtf8WithBom(), "text/csv; charset=utf-8", "friends-and-family-test.csv");

        static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);
        static string Percent(PatientExperience.Core.Dashboards.Share share) =>
            share.Value is { } v ? Math.Round(100 * v, 0, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) : string.Empty;
    }

    private static QuestionnaireForm SettingsOf(Questionnaire q) =>
        new() { Id = q.Id, Name = q.Name, DepartmentId = q.DepartmentId, ServiceId = q.ServiceId, IsActive = q.IsActive };

    private static DraftForm DraftOf(Questionnaire questionnaire) => new()
    {
        Questions = [.. questionnaire.Draft.Select((q, i) => new DraftQuestionForm
        {
            Key = q.Key, Dimension = q.Dimension, Type = q.Type, Text = q.Text, IsKey = q.IsKey, Order = i + 1,
        })],
    };

    private async Task<QuestionnairePageViewModel> PageAsync(
        Questionnaire questionnaire, QuestionnaireForm settings, DraftForm draft, CancellationToken cancellationToken,
        IReadOnlyList<TranslationEditForm>? postedTranslations = null)
    {
        // Posted rows carry only what can change; the type comes from the stored draft.
        var types = questionnaire.Draft.ToDictionary(q => q.Key, q => q.Type);
        foreach (var row in draft.Questions)
        {
            if (row.Key is not null && types.TryGetValue(row.Key, out var type))
                row.Type = type;
        }
        var own = await translations.SurveyQuestionTextsAsync(questionnaire.Id, cancellationToken);
        var services = await departmentQueries.ServiceNamesAsync(cancellationToken);
        return new QuestionnairePageViewModel(settings, draft, questionnaire, await catalog.VersionsAsync(questionnaire.Id, cancellationToken),
            await DepartmentsAsync(cancellationToken), [.. services.Select(s => (s.Id, s.Name, s.DepartmentId))])
        {
            Core = questionnaire.Draft.Where(q => q.IsCore).ToList(),
            Template = SurveyTemplates.Of(questionnaire.Draft),
            Untranslated = Untranslated(questionnaire.Draft.Select(q => q.Text), own),
            Translations = TranslationsPageViewModel.From(own, postedTranslations, TranslationsPageViewModel.Shipped(localizer)),
        };
    }


    /// <summary>
    /// Per question text, the patient languages it has no translation in (the patient then reads it in English). The
    /// standard sets ship their translations; a manager's own wording has one once the manager (or an admin) writes it.
    /// </summary>
    private Dictionary<string, List<string>> Untranslated(IEnumerable<string> texts, IReadOnlyList<TranslatableText> written)
    {
        var versions = written.ToDictionary(t => t.Source, t => t.Translations, StringComparer.Ordinal);
        var missing = new Dictionary<string, List<string>>();
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var (code, name) in SupportedLanguages.All.Where(l => l.Code != SupportedLanguages.Default))
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(code);
                foreach (var text in texts.Distinct())
                {
                    if (localizer[text].ResourceNotFound && !(versions.TryGetValue(text, out var v) && v.ContainsKey(code)))
                        (missing.TryGetValue(text, out var list) ? list : missing[text] = []).Add(name);
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
        return missing;
    }

    private Task<IReadOnlyList<NamedChoice>> DepartmentsAsync(CancellationToken cancellationToken) => departmentQueries.NamesAsync(cancellationToken);
}
