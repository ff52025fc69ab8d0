using PatientExperience.Core.Appointments;

namespace PatientExperience.Web.ViewModels;

/// <param name="Site">The site chosen, when the group has more than one (its name heads the list, with a way to change it).</param>
public sealed record ChooseServiceViewModel(IReadOnlyList<ServiceChoice> Services, string BaseUrl, PatientExperience.Core.Sites.SiteChoice? Site = null);
