namespace PatientExperience.Web.ViewModels;

/// <summary>The check-in link's page: the visit (null when the link opens nothing) and how it stands.</summary>
public sealed record CheckInPageViewModel(string Token, PatientExperience.Core.Appointments.CheckInVisit? Visit, string ClinicPhone, string Query)
{
    public PatientExperience.Core.Appointments.CheckInLinkState State => Visit?.State ?? PatientExperience.Core.Appointments.CheckInLinkState.NotFound;
}
