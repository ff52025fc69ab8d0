namespace PatientExperience.Core.Surveys;

/// <summary>What every clinic starts with (in production too): the default questionnaire, published, and the comment words in every language.</summary>
public static class SurveyReferenceData
{
    public static async Task EnsureAsync(IAppDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (!await db.Questionnaires.AnyAsync(cancellationToken))
        {
            var questionnaire = new Questionnaire(DefaultQuestionnaire.Name, null, null);
            questionnaire.SetDraft(DefaultQuestionnaire.Questions);
            db.Questionnaires.Add(questionnaire);
            await db.SaveChangesAsync(cancellationToken);
            db.QuestionnaireVersions.Add(questionnaire.Publish(nowUtc));
            await db.SaveChangesAsync(cancellationToken);
        }
        // Per language, so a clinic that started with English words gets the Spanish and Chinese ones on upgrade. A
        // language whose words a manager has all removed gets them back on the next start: remove words one by one.
        foreach (var language in CommentLanguage.All)
        {
            if (await db.LexiconEntries.AnyAsync(e => e.Language == language, cancellationToken))
                continue;
            db.LexiconEntries.AddRange(DefaultLexicon.Entries(language).DistinctBy(e => (e.Kind, e.Theme, e.Term)));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Publishes the named questionnaire's next version from a standard set (its supplemental questions included), once:
    /// a questionnaire already on a standard is left as it is. Earlier versions and their responses do not change.
    /// </summary>
    public static async Task MoveToTemplateAsync(IAppDbContext db, string name, SurveyTemplate template, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var questionnaire = await db.Questionnaires.AsTracking().FirstOrDefaultAsync(q => q.Name == name, cancellationToken);
        if (questionnaire is null || questionnaire.Draft.Any(q => q.IsCore))
            return;
        questionnaire.SetDraft(template.Questions);
        db.QuestionnaireVersions.Add(questionnaire.Publish(nowUtc));
        await db.SaveChangesAsync(cancellationToken);
    }
}
