using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.ViewModels;

public sealed record ResponsesPageViewModel(IReadOnlyList<ResponseRow> Rows, IReadOnlyList<NamedChoice> Departments, int? DepartmentId, bool FollowUpOnly);
