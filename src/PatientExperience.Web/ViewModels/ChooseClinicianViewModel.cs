using PatientExperience.Core.Appointments;

namespace PatientExperience.Web.ViewModels;

public sealed record ChooseClinicianViewModel(ServiceChoice Service, IReadOnlyList<ClinicianChoice> Clinicians, string BaseUrl);
