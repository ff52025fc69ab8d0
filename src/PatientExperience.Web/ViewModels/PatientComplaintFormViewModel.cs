using Microsoft.AspNetCore.Mvc.Rendering;

namespace PatientExperience.Web.ViewModels;

public sealed record PatientComplaintFormViewModel(PatientComplaintForm Form, IReadOnlyList<SelectListItem> Categories, IReadOnlyList<SelectListItem> Visits);
