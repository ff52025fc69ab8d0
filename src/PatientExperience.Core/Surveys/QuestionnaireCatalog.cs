using System.Text.RegularExpressions;

namespace PatientExperience.Core.Surveys;

/// <summary>Managers create questionnaires, edit drafts and publish versions. A published version never changes.</summary>
public sealed partial class QuestionnaireCatalog(IAppDbContext db, ClinicClock clock)
{
    public const int DimensionLength = 40;

    public async Task<IReadOnlyList<QuestionnaireSummary>> ListAsync(CancellationToken cancellationToken) =>
        await db.Questionnaires.AsNoTracking().OrderBy(q => q.Name)
            .Select(q => new QuestionnaireSummary(q.Id, q.Name,
                db.Departments.Where(d => d.Id == q.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                db.ClinicServices.Where(s => s.Id == q.ServiceId).Select(s => s.Name).FirstOrDefault(),
                q.IsActive, q.LatestVersion, q.HasUnpublishedChanges,
                db.SurveyResponses.Count(r => r.QuestionnaireId == q.Id)))
            .ToListAsync(cancellationToken);

    public Task<Questionnaire?> GetAsync(int id, CancellationToken cancellationToken) =>
        db.Questionnaires.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);

    public async Task<IReadOnlyList<QuestionnaireVersion>> VersionsAsync(int id, CancellationToken cancellationToken) =>
        await db.QuestionnaireVersions.AsNoTracking().Where(v => v.QuestionnaireId == id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);

    /// <summary>Creates a questionnaire (id null) or changes its name, target and whether it is used.</summary>
    public async Task<Result<int>> SaveAsync(int? id, SaveQuestionnaire request, CancellationToken cancellationToken)
    {
        // One that is not there is not there, whatever the form says: checked before the form's values.
        if (id is { } existingId && !await db.Questionnaires.AnyAsync(q => q.Id == existingId, cancellationToken))
            return Result<int>.NotFound();
        var errors = new List<ValidationError>();
        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
            errors.Add(new ValidationError("Name", "Enter a name."));
        else if (name.Length > Questionnaire.NameLength)
            errors.Add(new ValidationError("Name", $"Keep the name to {Questionnaire.NameLength} characters."));
        if (request.DepartmentId is { } departmentId && !await db.Departments.AnyAsync(d => d.Id == departmentId, cancellationToken))
            errors.Add(new ValidationError("DepartmentId", "Choose a department from the list."));
        if (request.ServiceId is { } serviceId && !await db.ClinicServices.AnyAsync(s => s.Id == serviceId && (request.DepartmentId == null || s.DepartmentId == request.DepartmentId), cancellationToken))
            errors.Add(new ValidationError("ServiceId", "Choose a service of the chosen department."));
        var template = SurveyTemplates.Find(request.TemplateId);
        if (id is null && request.TemplateId is not null && template is null)
            errors.Add(new ValidationError("TemplateId", "Choose a question set from the list."));
        if (errors.Count > 0)
            return Result<int>.Invalid(errors);

        Questionnaire questionnaire;
        if (id is null)
        {
            questionnaire = new Questionnaire(name, request.DepartmentId, request.ServiceId);
            questionnaire.SetDraft((template ?? SurveyTemplates.Outpatient).Questions);
            db.Questionnaires.Add(questionnaire);
        }
        else
        {
            var found = await db.Questionnaires.AsTracking().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
            if (found is null)
                return Result<int>.NotFound();
            questionnaire = found;
            questionnaire.Update(name, request.DepartmentId, request.ServiceId, request.IsActive);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Success(questionnaire.Id);
    }

    /// <summary>
    /// Saves the edited draft: rows in their new order, retired ones dropped, an optional new one added. The core questions
    /// of a standard set stay as the standard words them, first and in their order, whatever the form says; the
    /// manager's supplemental questions follow them.
    /// </summary>
    public async Task<Result> SaveDraftAsync(int id, IReadOnlyList<DraftQuestion> rows, DraftQuestion? added, CancellationToken cancellationToken)
    {
        var questionnaire = await db.Questionnaires.AsTracking().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (questionnaire is null)
            return Result.NotFound();
        var current = questionnaire.Draft.ToDictionary(q => q.Key);
        var errors = new List<ValidationError>();
        var kept = new List<(int Order, SurveyQuestion Question)>();
        var core = questionnaire.Draft.Where(q => q.IsCore).ToList();
        for (var i = 0; i < core.Count; i++)
            kept.Add((int.MinValue + i, core[i]));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            // The key and type of an existing question are fixed: scores compare by key across versions.
            if (row.Key is null || !current.TryGetValue(row.Key, out var existing) || existing.IsCore || kept.Any(k => k.Question.Key == row.Key))
                continue;
            if (row.Retire)
                continue;
            var text = row.Text?.Trim() ?? string.Empty;
            var dimension = row.Dimension?.Trim().ToLowerInvariant() ?? string.Empty;
            CheckWords(errors, $"Questions[{i}]", text, dimension);
            kept.Add((row.Order, existing with { Text = text, Dimension = dimension, IsKey = row.IsKey }));
        }
        if (added is not null && !string.IsNullOrWhiteSpace(added.Key + added.Text))
        {
            var key = added.Key?.Trim().ToLowerInvariant() ?? string.Empty;
            if (!KeyPattern().IsMatch(key))
                errors.Add(new ValidationError("New.Key", "Use 1 to 40 lower-case letters, digits or underscores, e.g. parking_ease."));
            else if (kept.Any(k => k.Question.Key == key))
                errors.Add(new ValidationError("New.Key", "Another question already has this key."));
            if (added.Type is null || !Enum.IsDefined(added.Type.Value))
                errors.Add(new ValidationError("New.Type", "Choose the kind of answer."));
            var text = added.Text?.Trim() ?? string.Empty;
            var dimension = added.Dimension?.Trim().ToLowerInvariant() ?? string.Empty;
            CheckWords(errors, "New", text, dimension);
            if (added.Type is { } type)
                kept.Add((kept.Count == 0 ? 1 : Math.Max(0, kept.Max(k => k.Order)) + 1, new SurveyQuestion(key, dimension, type, text, added.IsKey)));
        }
        var ordered = kept.OrderBy(k => k.Order).Select(k => k.Question).ToList();
        if (ordered.Count(q => q.Type == QuestionType.Comment) > 1 || ordered.Count(q => q.Type == QuestionType.ContactConsent) > 1)
            errors.Add(new ValidationError(string.Empty, "A questionnaire can have one comment box and one contact question."));
        if (ordered.Count > Questionnaire.MaxQuestions)
            errors.Add(new ValidationError(string.Empty, $"Keep it to {Questionnaire.MaxQuestions} questions: short surveys get answered."));
        if (errors.Count > 0)
            return Result.Invalid(errors);
        questionnaire.SetDraft(ordered);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    public async Task<Result<int>> PublishAsync(int id, CancellationToken cancellationToken)
    {
        var questionnaire = await db.Questionnaires.AsTracking().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (questionnaire is null)
            return Result<int>.NotFound();
        if (questionnaire.Draft.Count == 0)
            return Result<int>.Invalid(new ValidationError(string.Empty, "Add at least one question before you publish."));
        if (!questionnaire.HasUnpublishedChanges && questionnaire.LatestVersion > 0)
            return Result<int>.Invalid(new ValidationError(string.Empty, "Nothing has changed since the last version."));
        var version = questionnaire.Publish(clock.UtcNow);
        db.QuestionnaireVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two managers published at once: the unique (questionnaire, number) index let one through.
            return Result<int>.Conflict("Someone else published this questionnaire just now. Reload the page to see the new version.");
        }
        return Result<int>.Success(version.Number);
    }

    private static void CheckWords(List<ValidationError> errors, string prefix, string text, string dimension)
    {
        if (text.Length == 0)
            errors.Add(new ValidationError($"{prefix}.Text", "Enter the question."));
        else if (text.Length > SurveyQuestion.TextLength)
            errors.Add(new ValidationError($"{prefix}.Text", $"Keep the question to {SurveyQuestion.TextLength} characters."));
        if (dimension.Length == 0)
            errors.Add(new ValidationError($"{prefix}.Dimension", "Enter what the question measures, e.g. communication."));
        else if (dimension.Length > DimensionLength)
            errors.Add(new ValidationError($"{prefix}.Dimension", $"Keep it to {DimensionLength} characters."));
    }

    [GeneratedRegex("^[a-z0-9_]{1,40}$")]
    private static partial Regex KeyPattern();
}
