using PatientExperience.Core.Appointments;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

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
