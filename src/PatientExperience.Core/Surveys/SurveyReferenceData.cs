using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Surveys;

/// <summary>What every clinic starts with (in production too): the default questionnaire, published, and the comment lexicon.</summary>
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
        if (!await db.LexiconEntries.AnyAsync(cancellationToken))
        {
            db.LexiconEntries.AddRange(DefaultLexicon.Entries().DistinctBy(e => (e.Kind, e.Theme, e.Term)));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
