using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.ViewModels;

public sealed record QuestionnairesIndexViewModel(IReadOnlyList<QuestionnaireSummary> Rows, QuestionnaireForm New, IReadOnlyList<NamedChoice> Departments);
