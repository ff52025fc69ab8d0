using PatientExperience.Core.Appointments;

namespace PatientExperience.Web.ViewModels;

/// <summary>Step 3: free times. Also used for rescheduling and for the front desk (different form targets).</summary>
public sealed record ChooseTimeViewModel(
    ServiceChoice Service, int ClinicianId, string? ClinicianName, DateOnly From, int Days, bool CanGoBack,
    IReadOnlyList<DaySlots> SlotDays, string ConfirmUrl, string PageUrl, string? Message = null, IReadOnlyList<OfferedSlot>? Alternatives = null,
    CurrentVisit? Current = null);
