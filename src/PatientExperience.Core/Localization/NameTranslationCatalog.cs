namespace PatientExperience.Core.Localization;

/// <summary>
/// The per-language versions of names and texts admins enter (<see cref="NameTranslation"/>): which texts patients can
/// meet, and saving their versions. A text with no version in a language is shown in English.
/// </summary>
public sealed class NameTranslationCatalog(IAppDbContext db, ClinicClock clock, Microsoft.Extensions.Options.IOptions<ClinicOptions> clinic)
{
    /// <summary>The languages a text can be translated into: every supported language but English, the source.</summary>
    public static IReadOnlyList<string> Languages { get; } =
        [.. SupportedLanguages.All.Select(l => l.Code).Where(c => c != SupportedLanguages.Default)];

    /// <summary>Every English text an admin wrote that a patient can see (active or not: a deactivated service still names past visits).</summary>
    public async Task<IReadOnlyList<TranslatableText>> ListAsync(CancellationToken cancellationToken) =>
        await WithVersionsAsync(await SourcesAsync(cancellationToken), cancellationToken);

    /// <summary>One questionnaire's own questions (see <see cref="SurveyQuestionsAsync"/>) with their versions.</summary>
    public async Task<IReadOnlyList<TranslatableText>> SurveyQuestionTextsAsync(int questionnaireId, CancellationToken cancellationToken) =>
        await WithVersionsAsync([.. (await SurveyQuestionsAsync(questionnaireId, cancellationToken)).Select(q => (TextKind.SurveyQuestion, q))], cancellationToken);

    private async Task<IReadOnlyList<TranslatableText>> WithVersionsAsync(List<(TextKind Kind, string Source)> sources, CancellationToken cancellationToken)
    {
        var keys = sources.Select(s => NameTranslation.KeyOf(s.Source)).Distinct().ToList();
        var rows = await db.NameTranslations.AsNoTracking().Where(t => keys.Contains(t.SourceKey))
            .Select(t => new { t.SourceKey, t.Language, t.Text }).ToListAsync(cancellationToken);
        var byKey = rows.GroupBy(r => r.SourceKey).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.ToDictionary(r => r.Language, r => r.Text));
        return [.. sources.Select(s => new TranslatableText(s.Kind, s.Source,
            byKey.GetValueOrDefault(NameTranslation.KeyOf(s.Source)) ?? new Dictionary<string, string>()))];
    }

    /// <summary>
    /// Saves the admin's versions: a new text is added, a changed one changed, an emptied one removed. Texts no longer in
    /// use and languages we do not offer are refused with a message; nothing is saved then, so the page keeps what was typed.
    /// </summary>
    public async Task<Result<int>> SaveAsync(IReadOnlyList<TranslationEdit> edits, CancellationToken cancellationToken)
    {
        var inUse = (await SourcesAsync(cancellationToken)).Select(s => s.Source).ToHashSet(StringComparer.Ordinal);
        var wanted = new Dictionary<(string Key, string Language), (string Source, string? Text)>();
        var errors = Read(edits, inUse, wanted);
        if (errors.Count > 0)
            return Result<int>.Invalid(errors.Distinct());

        var keys = wanted.Keys.Select(k => k.Key).Distinct().ToList();
        var existing = await db.NameTranslations.AsTracking().Where(t => keys.Contains(t.SourceKey)).ToListAsync(cancellationToken);
        var changed = Apply(wanted, existing);
        if (changed == 0)
            return Result<int>.Success(0);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result<int>.Success(changed);
        }
        catch (DbUpdateException)
        {
            // The unique index on (language, text) decided a race with another admin saving the same text: nothing of
            // this save was written, and the page shows what this admin typed so they can look and save again.
            return Result<int>.Conflict("Someone else saved translations of the same texts just now. Check the page and save again.");
        }
    }

    /// <summary>The edits that may be saved, by text key and language (into <paramref name="wanted"/>), and what is refused.</summary>
    private static List<ValidationError> Read(IReadOnlyList<TranslationEdit> edits, HashSet<string> inUse,
        Dictionary<(string Key, string Language), (string Source, string? Text)> wanted)
    {
        var errors = new List<ValidationError>();
        foreach (var edit in edits)
        {
            if (edit.Source is null || !inUse.Contains(edit.Source))
            {
                errors.Add(new ValidationError(string.Empty, "A text on this page is no longer in use (it was renamed or removed). Reload the page and try again."));
                continue;
            }
            if (edit.Language is null || !Languages.Contains(edit.Language))
            {
                errors.Add(new ValidationError(string.Empty, "Choose a language from the list."));
                continue;
            }
            var text = string.IsNullOrWhiteSpace(edit.Text) ? null : edit.Text.Trim();
            if (text is not null && text.Length > NameTranslation.TextLength)
            {
                errors.Add(new ValidationError(string.Empty, $"Keep each translation to {NameTranslation.TextLength} characters (the one for \"{Shorten(edit.Source)}\" is {text.Length})."));
                continue;
            }
            wanted[(NameTranslation.KeyOf(edit.Source), edit.Language)] = (edit.Source, text);
        }
        return errors;
    }

    /// <summary>Adds, changes or removes the tracked rows as the edits say; how many rows that changes.</summary>
    private int Apply(Dictionary<(string Key, string Language), (string Source, string? Text)> wanted, List<NameTranslation> existing)
    {
        var changed = 0;
        var now = clock.UtcNow;
        foreach (var ((key, language), (source, text)) in wanted)
        {
            var row = existing.FirstOrDefault(t => t.SourceKey == key && t.Language == language);
            if (row is null && text is not null)
            {
                var added = new NameTranslation(source, language, text);
                added.Touch(now);
                db.NameTranslations.Add(added);
                changed++;
            }
            else if (row is not null && text is null)
            {
                db.NameTranslations.Remove(row);
                changed++;
            }
            else if (row is not null && text is not null && row.Text != text)
            {
                row.Change(text, now);
                changed++;
            }
        }
        return changed;
    }

    /// <summary>
    /// Keeps the versions of a text an admin has just reworded (a spelling fix of a department's name keeps its Spanish
    /// and Chinese names): copies them to the new English unless it has its own. Added to the context, saved with the change.
    /// </summary>
    public async Task CarryOverAsync(string? oldSource, string? newSource, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(oldSource) || string.IsNullOrWhiteSpace(newSource) || oldSource == newSource)
            return;
        var oldKey = NameTranslation.KeyOf(oldSource);
        var newKey = NameTranslation.KeyOf(newSource);
        var rows = await db.NameTranslations.AsNoTracking().Where(t => t.SourceKey == oldKey || t.SourceKey == newKey)
            .Select(t => new { t.SourceKey, t.Language, t.Text }).ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => r.SourceKey == oldKey && !rows.Any(n => n.SourceKey == newKey && n.Language == r.Language)))
        {
            var copy = new NameTranslation(newSource, row.Language, row.Text);
            copy.Touch(clock.UtcNow);
            db.NameTranslations.Add(copy);
        }
    }

    private async Task<List<(TextKind Kind, string Source)>> SourcesAsync(CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new { d.Name, d.Directions, d.WhatToBring }).ToListAsync(cancellationToken);
        var services = await db.ClinicServices.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Name).Distinct().ToListAsync(cancellationToken);
        var titles = await db.StaffMembers.AsNoTracking().Where(s => s.IsActive).Select(s => s.JobTitle).Distinct().ToListAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new { s.Name, s.Directions, s.WhatToBring }).ToListAsync(cancellationToken);
        var topics = await db.ComplaintCategories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync(cancellationToken);
        var questions = await SurveyQuestionsAsync(null, cancellationToken);

        var all = new List<(TextKind, string)>();
        // The group's own name (Clinic:Name, the first site's) is a proper name, written as it is in every language.
        all.AddRange(sites.Where(s => s.Name != clinic.Value.Name).Select(s => (TextKind.Site, s.Name)));
        all.AddRange(departments.Select(d => (TextKind.Department, d.Name)));
        all.AddRange(services.Order(StringComparer.Ordinal).Select(s => (TextKind.Service, s)));
        all.AddRange(titles.Order(StringComparer.Ordinal).Select(t => (TextKind.JobTitle, t)));
        all.AddRange(departments.Where(d => d.Directions is not null).Select(d => (TextKind.Directions, d.Directions!)));
        all.AddRange(departments.Where(d => d.WhatToBring is not null).Select(d => (TextKind.WhatToBring, d.WhatToBring!)));
        all.AddRange(sites.Where(s => s.Directions is not null).Select(s => (TextKind.Directions, s.Directions!)));
        all.AddRange(sites.Where(s => s.WhatToBring is not null).Select(s => (TextKind.WhatToBring, s.WhatToBring!)));
        all.AddRange(topics.Select(t => (TextKind.ComplaintTopic, t)));
        all.AddRange(questions.Select(q => (TextKind.SurveyQuestion, q)));
        // The same English under two kinds (a department and a service both called "Cardiology") is one text to translate.
        return [.. all.DistinctBy(s => s.Item2, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The wording of the managers' own questions (not the standard sets' core questions) in every draft and published
    /// version, of one questionnaire or of all: what patients may be asked, so what can be translated.
    /// </summary>
    public async Task<IReadOnlyList<string>> SurveyQuestionsAsync(int? questionnaireId, CancellationToken cancellationToken)
    {
        var drafts = await db.Questionnaires.AsNoTracking().Where(q => questionnaireId == null || q.Id == questionnaireId)
            .OrderBy(q => q.Id).Select(q => q.DraftJson).ToListAsync(cancellationToken);
        var versions = await db.QuestionnaireVersions.AsNoTracking().Where(v => questionnaireId == null || v.QuestionnaireId == questionnaireId)
            .OrderBy(v => v.Id).Select(v => v.QuestionsJson).ToListAsync(cancellationToken);
        return [.. drafts.Concat(versions).SelectMany(Surveys.Questionnaire.Parse)
            .Where(q => !q.IsCore && !string.IsNullOrWhiteSpace(q.Text)).Select(q => q.Text).Distinct(StringComparer.Ordinal)];
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
