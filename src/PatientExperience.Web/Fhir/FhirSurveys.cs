using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Surveys;
using Questionnaire = Hl7.Fhir.Model.Questionnaire;

namespace PatientExperience.Web.Fhir;

/// <summary>
/// The survey side of the adapter. Every published questionnaire version is a FHIR Questionnaire (id: the version's row
/// id; <c>url</c> shared by all versions of one questionnaire, <c>version</c> its number), and every survey response a
/// QuestionnaireResponse (id: the response's row id) pointing at the version it answered.
/// </summary>
public sealed class FhirSurveys(IAppDbContext db, ClinicClock clock)
{
    /// <summary>The canonical url of a questionnaire (all its versions): this plus its id.</summary>
    public const string QuestionnaireBase = "https://patientexperience.example/fhir/Questionnaire/";

    /// <summary>Codes of the Never / Sometimes / Usually / Always answers (stored 1–4).</summary>
    public const string FrequencySystem = "https://patientexperience.example/fhir/CodeSystem/frequency";

    private static readonly string[] Frequencies = ["Never", "Sometimes", "Usually", "Always"];

    // ---- Questionnaire ------------------------------------------------------------------------------------------

    public async Task<Resource?> QuestionnaireAsync(int versionId, CancellationToken ct) =>
        await Versions().FirstOrDefaultAsync(v => v.Id == versionId, ct) is { } v ? Questionnaire(v) : null;

    /// <summary>Every published version, by <c>_id</c>, <c>url</c> (with <c>|version</c> or not), <c>version</c>, <c>title</c> and <c>status</c>.</summary>
    public async Task<FhirPage> QuestionnairesAsync(FhirQuery query, CancellationToken ct)
    {
        var rows = Versions();
        if (query.One("_id") is { } ids)
        {
            var wanted = ids.Split(',').Select(FhirQuery.Id).OfType<int>().ToList();
            rows = rows.Where(v => wanted.Contains(v.Id));
        }
        var version = query.One("version");
        if (query.One("url") is { } url)
        {
            var bar = url.IndexOf('|', StringComparison.Ordinal);
            if (bar >= 0)
            {
                version ??= url[(bar + 1)..];
                url = url[..bar];
            }
            var questionnaireId = url.StartsWith(QuestionnaireBase, StringComparison.Ordinal) ? FhirQuery.Id(url[QuestionnaireBase.Length..]) : null;
            rows = rows.Where(v => v.QuestionnaireId == (questionnaireId ?? -1));
        }
        if (version is not null)
        {
            var number = FhirQuery.Id(version) ?? -1;
            rows = rows.Where(v => v.Number == number);
        }
        var title = query.One("title")?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(title))
            rows = rows.Where(v => v.Questionnaire!.Name.ToLower().Contains(title));
        var all = (await rows.OrderBy(v => v.QuestionnaireId).ThenBy(v => v.Number).ToListAsync(ct)).Select(Questionnaire);
        if (query.One("status") is { } status)
            all = all.Where(q => Hl7.Fhir.Utility.EnumUtility.GetLiteral(((Questionnaire)q).Status) == status);
        var list = all.ToList();
        return new FhirPage([.. list.Skip(query.Offset).Take(query.Count)], list.Count);
    }

    private IQueryable<QuestionnaireVersion> Versions() => db.QuestionnaireVersions.AsNoTracking().Include(v => v.Questionnaire);

    /// <summary>A version: active while it is the latest of an active questionnaire, retired once replaced or switched off.</summary>
    public static Questionnaire Questionnaire(QuestionnaireVersion v)
    {
        var parent = v.Questionnaire!;
        return new Questionnaire
        {
            Id = Key(v.Id),
            Meta = new Meta { LastUpdated = new DateTimeOffset(v.PublishedAtUtc, TimeSpan.Zero) },
            Url = QuestionnaireBase + Key(v.QuestionnaireId),
            Version = Key(v.Number),
            Title = parent.Name,
            Status = parent.IsActive && parent.LatestVersion == v.Number ? PublicationStatus.Active : PublicationStatus.Retired,
            Date = v.PublishedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            SubjectType = [ResourceType.Patient],
            Item = [.. v.Questions.Select(Item)],
        };
    }

    private static Questionnaire.ItemComponent Item(SurveyQuestion q)
    {
        var item = new Questionnaire.ItemComponent { LinkId = q.Key, Text = q.Text, Required = false };
        switch (q.Type)
        {
            case QuestionType.Frequency:
                item.Type = Hl7.Fhir.Model.Questionnaire.QuestionnaireItemType.Choice;
                item.AnswerOption = [.. Frequencies.Select((label, i) => new Questionnaire.AnswerOptionComponent { Value = new Coding(FrequencySystem, Key(i + 1), label) })];
                break;
            case QuestionType.Rating or QuestionType.Recommend:
                item.Type = Hl7.Fhir.Model.Questionnaire.QuestionnaireItemType.Integer;
                item.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/minValue", new Integer(q.MinValue)));
                item.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/maxValue", new Integer(q.MaxValue)));
                break;
            case QuestionType.Comment:
                item.Type = Hl7.Fhir.Model.Questionnaire.QuestionnaireItemType.Text;
                break;
            default:
                item.Type = Hl7.Fhir.Model.Questionnaire.QuestionnaireItemType.Boolean;
                break;
        }
        return item;
    }

    // ---- QuestionnaireResponse ----------------------------------------------------------------------------------

    public async Task<Resource?> ResponseAsync(int id, CancellationToken ct)
    {
        var row = await db.SurveyResponses.AsNoTracking().Include(r => r.Answers).FirstOrDefaultAsync(r => r.Id == id, ct);
        return row is null ? null : Response(row, await QuestionsAsync([row.QuestionnaireVersionId], ct));
    }

    /// <summary>Responses by <c>authored</c> (ge/gt/le/lt/eq), <c>questionnaire</c> (its url, url|version, or Questionnaire/{id}), <c>patient</c>, <c>_id</c>; paged in the database.</summary>
    public async Task<(FhirPage? Page, string? Error)> ResponsesAsync(FhirQuery query, CancellationToken ct)
    {
        var (from, to, error) = FhirQuery.Range(query.All("authored"), clock.Zone, "authored");
        if (error is not null)
            return (null, error);
        var rows = Filter(db.SurveyResponses.AsNoTracking(), from, to);
        if (query.One("_id") is { } ids)
        {
            var wanted = ids.Split(',').Select(FhirQuery.Id).OfType<int>().ToList();
            rows = rows.Where(r => wanted.Contains(r.Id));
        }
        if (query.One("patient") is { } patient)
        {
            var patientId = FhirQuery.ReferenceId(patient, "Patient") ?? -1;
            rows = rows.Where(r => r.PatientId == patientId);
        }
        if (query.One("questionnaire") is { } questionnaire)
        {
            var (questionnaireId, versionId, number) = ParseQuestionnaire(questionnaire);
            if (versionId is { } vid)
                rows = rows.Where(r => r.QuestionnaireVersionId == vid);
            else if (questionnaireId is { } qid)
                rows = number is { } n ? rows.Where(r => r.QuestionnaireId == qid && r.VersionNumber == n) : rows.Where(r => r.QuestionnaireId == qid);
            else
                return (new FhirPage([], 0), null);
        }
        var total = await rows.CountAsync(ct);
        var page = await rows.Include(r => r.Answers).OrderBy(r => r.RespondedAtUtc).ThenBy(r => r.Id).Skip(query.Offset).Take(query.Count).ToListAsync(ct);
        var questions = await QuestionsAsync([.. page.Select(r => r.QuestionnaireVersionId).Distinct()], ct);
        return (new FhirPage([.. page.Select(r => Response(r, questions))], total), null);
    }

    /// <summary>Responses authored in [from, to), for the search and the bulk export alike.</summary>
    public static IQueryable<SurveyResponse> Filter(IQueryable<SurveyResponse> rows, DateTime? from, DateTime? to)
    {
        if (from is { } lower)
            rows = rows.Where(r => r.RespondedAtUtc >= lower);
        if (to is { } upper)
            rows = rows.Where(r => r.RespondedAtUtc < upper);
        return rows;
    }

    /// <summary><c>Questionnaire/12</c> (a version), <c>{url}</c> or <c>{url}|{version}</c>.</summary>
    private static (int? QuestionnaireId, int? VersionId, int? Number) ParseQuestionnaire(string value)
    {
        if (value.StartsWith("Questionnaire/", StringComparison.Ordinal))
            return (null, FhirQuery.ReferenceId(value, "Questionnaire") ?? -1, null);
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        var url = bar >= 0 ? value[..bar] : value;
        int? number = bar >= 0 ? FhirQuery.Id(value[(bar + 1)..]) ?? -1 : null;
        var id = url.StartsWith(QuestionnaireBase, StringComparison.Ordinal) ? FhirQuery.Id(url[QuestionnaireBase.Length..]) : null;
        return (id, null, number);
    }

    /// <summary>The questions of the given versions, by version id (a response's item texts come from the version it answered).</summary>
    public async Task<Dictionary<int, IReadOnlyList<SurveyQuestion>>> QuestionsAsync(IReadOnlyCollection<int> versionIds, CancellationToken ct)
    {
        var rows = await db.QuestionnaireVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToListAsync(ct);
        return rows.ToDictionary(v => v.Id, v => v.Questions);
    }

    /// <summary>A response: completed, about its patient, authored when answered, one item per answered question.</summary>
    public QuestionnaireResponse Response(SurveyResponse r, IReadOnlyDictionary<int, IReadOnlyList<SurveyQuestion>> questions)
    {
        var texts = questions.TryGetValue(r.QuestionnaireVersionId, out var qs) ? qs.ToDictionary(q => q.Key, q => q.Text) : [];
        var items = new List<QuestionnaireResponse.ItemComponent>();
        foreach (var answer in r.Answers.OrderBy(a => a.Id))
        {
            DataType? value = answer.Type switch
            {
                QuestionType.Comment => r.Comment is null ? null : new FhirString(r.Comment),
                _ when answer.Value is not { } v => null,
                QuestionType.Frequency => answer.Value is >= 1 and <= 4 ? new Coding(FrequencySystem, Key(answer.Value.Value), Frequencies[answer.Value.Value - 1]) : null,
                QuestionType.Rating or QuestionType.Recommend => new Integer(answer.Value),
                _ => new FhirBoolean(answer.Value == 1),
            };
            if (value is null)
                continue;
            items.Add(new QuestionnaireResponse.ItemComponent
            {
                LinkId = answer.QuestionKey,
                Text = texts.GetValueOrDefault(answer.QuestionKey),
                Answer = [new QuestionnaireResponse.AnswerComponent { Value = value }],
            });
        }
        // The comment is kept on the response itself, not as an answer row.
        if (r.Comment is not null && !r.Answers.Any(a => a.Type == QuestionType.Comment))
        {
            var key = qs?.FirstOrDefault(q => q.Type == QuestionType.Comment)?.Key ?? "comment";
            items.Add(new QuestionnaireResponse.ItemComponent { LinkId = key, Text = texts.GetValueOrDefault(key), Answer = [new QuestionnaireResponse.AnswerComponent { Value = new FhirString(r.Comment) }] });
        }
        return new QuestionnaireResponse
        {
            Id = Key(r.Id),
            Meta = new Meta { LastUpdated = new DateTimeOffset(r.RespondedAtUtc, TimeSpan.Zero) },
            Questionnaire = $"{QuestionnaireBase}{Key(r.QuestionnaireId)}|{Key(r.VersionNumber)}",
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new ResourceReference($"Patient/{Key(r.PatientId)}"),
            Authored = Instant(r.RespondedAtUtc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            Item = items,
        };
    }

    private DateTimeOffset Instant(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(clock.Zone.GetUtcOffset(utc));

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
