using PatientExperience.Core.Appointments;

namespace PatientExperience.Web.ViewModels;

/// <param name="Sites">The group's bookable sites: with more than one, the services are grouped under each site's name.</param>
public sealed record WaitlistPageViewModel(WaitlistForm Form, IReadOnlyList<ServiceChoice> Services, IReadOnlyList<ClinicianChoice> Clinicians, IReadOnlyList<WaitlistRow> Entries,
    IReadOnlyList<PatientExperience.Core.Sites.SiteChoice> Sites);
