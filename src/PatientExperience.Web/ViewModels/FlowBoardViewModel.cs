using PatientExperience.Core.Appointments;

namespace PatientExperience.Web.ViewModels;

/// <param name="MayCheckIn">Whether the person looking may check patients in (front desk): the board then offers "Arrived".</param>
public sealed record FlowBoardViewModel(
    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Departments, int? DepartmentId, IReadOnlyList<FlowRow> Rows, DateTime NowUtc,
    bool MayCheckIn = false, int LateNoticeMinutes = 15, PatientExperience.Web.Controllers.StaffSiteView? Site = null)
{
    /// <summary>Where a check-in from the board comes back to.</summary>
    public string ReturnUrl => DepartmentId is { } id ? $"/flow?departmentId={id}" : "/flow";

    public IEnumerable<FlowRow> Waiting => Rows.Where(r => r.Status == AppointmentStatus.Arrived).OrderByDescending(r => VisitFlow.WaitedMinutes(r, NowUtc));
    public IEnumerable<FlowRow> InRoom => Rows.Where(r => r.Status == AppointmentStatus.InRoom);
    public IEnumerable<FlowRow> Expected => Rows.Where(r => r.Status == AppointmentStatus.Booked);
    public IEnumerable<FlowRow> Done => Rows.Where(r => r.Status is AppointmentStatus.Completed or AppointmentStatus.NoShow);
}
