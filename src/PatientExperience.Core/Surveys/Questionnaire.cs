using System.Text.Json;
using System.Text.Json.Serialization;

namespace PatientExperience.Core.Surveys;

/// <summary>A questionnaire managers edit as a draft and publish as numbered versions. Which visits get it depends on its department or service.</summary>
public class Questionnaire : AuditableEntity
{
    public const int NameLength = 100;
    public const int MaxQuestions = 30;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private Questionnaire() { }

    public Questionnaire(string name, int? departmentId, int? serviceId)
    {
        Name = name.Trim();
        DepartmentId = departmentId;
        ServiceId = serviceId;
        IsActive = true;
    }

    public string Name { get; private set; } = string.Empty;
    /// <summary>Only visits in this department (null: any).</summary>
    public int? DepartmentId { get; private set; }
    /// <summary>Only visits for this service (null: any). More specific than a department.</summary>
    public int? ServiceId { get; private set; }
    public bool IsActive { get; private set; }
    public string DraftJson { get; private set; } = "[]";
    public bool HasUnpublishedChanges { get; private set; }
    public int LatestVersion { get; private set; }

    public IReadOnlyList<SurveyQuestion> Draft => Parse(DraftJson);

    public void Update(string name, int? departmentId, int? serviceId, bool isActive)
    {
        Name = name.Trim();
        DepartmentId = departmentId;
        ServiceId = serviceId;
        IsActive = isActive;
    }

    public void SetDraft(IEnumerable<SurveyQuestion> questions)
    {
        DraftJson = JsonSerializer.Serialize(questions.ToList(), Json);
        HasUnpublishedChanges = true;
    }

    /// <summary>Freezes the draft as the next version. Earlier versions and their responses stay as they were.</summary>
    public QuestionnaireVersion Publish(DateTime nowUtc)
    {
        LatestVersion++;
        HasUnpublishedChanges = false;
        return new QuestionnaireVersion(Id, LatestVersion, DraftJson, nowUtc);
    }

    internal static IReadOnlyList<SurveyQuestion> Parse(string json) =>
        JsonSerializer.Deserialize<List<SurveyQuestion>>(json, Json) ?? [];
}

