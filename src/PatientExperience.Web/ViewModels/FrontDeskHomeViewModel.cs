using PatientExperience.Core.Appointments;

namespace PatientExperience.Web.ViewModels;

/// <summary>The desk's home: today's visits as filtered (<see cref="Shown"/>) out of <see cref="TotalToday"/>.</summary>
public sealed record FrontDeskHomeViewModel(int CallsToday, int VisitsToday, IReadOnlyList<PatientExperience.Core.Appointments.FlowRow> Shown, int TotalToday, DateTime NowUtc,
    PatientExperience.Core.Appointments.DeskFilter Filter,
    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Departments,
    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Clinicians,
    string ReturnUrl,
    IReadOnlyList<CallBackRow>? CallBacks = null,
    PatientExperience.Web.Controllers.StaffSiteView? Site = null);
