using PatientExperience.Core.Complaints;

namespace PatientExperience.Web.ViewModels;

public sealed record ComplaintEventRow(ComplaintEvent Event, string? StaffName);
