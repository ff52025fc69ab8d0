using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

public sealed record ComplaintIntakeViewModel(
    ComplaintForm Form,
    string? Query,
    IReadOnlyList<PatientSearchHit>? Hits,
    Patient? Patient,
    IReadOnlyList<SelectListItem> Categories,
    IReadOnlyList<SelectListItem> Departments,
    IReadOnlyList<SelectListItem> Staff,
    IReadOnlyList<SelectListItem> Visits);
