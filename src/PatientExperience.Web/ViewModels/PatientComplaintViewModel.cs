using PatientExperience.Core.Complaints;

namespace PatientExperience.Web.ViewModels;

/// <param name="TimeZone">The complaint's site's zone: its reply-by day ends at that site's midnight.</param>
public sealed record PatientComplaintViewModel(Complaint Complaint, IReadOnlyList<ComplaintEvent> Messages, string TimeZone);
