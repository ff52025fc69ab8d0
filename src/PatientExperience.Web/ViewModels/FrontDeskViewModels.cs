using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

public sealed class RegisterCallerForm
{
    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    [Display(Name = "Last name")]
    public string? LastName { get; set; }

    [Display(Name = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Email (optional)")]
    public string? Email { get; set; }

    public RegisterCaller ToRequest() => new(FirstName, LastName, DateOfBirth, Phone, Email);
}

/// <summary>The caller screen: who they are, what they have booked, and booking for them.</summary>
/// <param name="Sites">The group's bookable sites: with more than one, the services are grouped under each site's name.</param>
public sealed record CallerViewModel(
    Patient Patient,
    IReadOnlyList<AppointmentRow> Upcoming,
    IReadOnlyList<ServiceChoice> Services,
    ServiceChoice? Service,
    IReadOnlyList<ClinicianChoice> Clinicians,
    int ClinicianId,
    DateOnly From,
    IReadOnlyList<DaySlots>? Slots,
    double CutoffHours,
    DateTime NowUtc,
    string? Message = null,
    IReadOnlyList<OfferedSlot>? Alternatives = null,
    AppointmentRow? Moving = null,
    string? OverrideReason = null,
    IReadOnlyList<FlowRow>? HereToday = null,
    IReadOnlyList<PatientExperience.Core.Sites.SiteChoice>? Sites = null);

public sealed record ReadBackViewModel(Patient Patient, AppointmentRow Appointment);

/// <summary>The check step before a front-desk booking or move is final.</summary>
/// <param name="Moving">The visit being moved, or null for a new booking.</param>
/// <param name="Listed">The clinician the caller screen listed (0 for anyone), to go back to the same list.</param>
public sealed record BookingCheckViewModel(
    Patient Patient, PatientExperience.Core.Appointments.ServiceChoice Service, PatientExperience.Core.Appointments.ClinicianChoice Clinician,
    DateTime StartUtc, AppointmentRow? Moving, int Listed, string? OverrideReason)
{
    public string BackUrl => $"/frontdesk/patients/{Patient.Id}?serviceId={Service.Id}&clinician={Listed}"
        + (Moving is null ? "" : $"&moving={Moving.Id}") + (OverrideReason is null ? "" : "&overrideReason=" + Uri.EscapeDataString(OverrideReason));
}

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

/// <summary>The check-in button (partial FrontDesk/_CheckIn) and the page it returns to.</summary>
public sealed record CheckInButton(int AppointmentId, string PatientName, string ReturnUrl);
