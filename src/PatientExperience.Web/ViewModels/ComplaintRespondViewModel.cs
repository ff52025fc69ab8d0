using PatientExperience.Core.Complaints;

namespace PatientExperience.Web.ViewModels;

public sealed record ComplaintRespondViewModel(Complaint Complaint, WrittenResponseForm Form);
