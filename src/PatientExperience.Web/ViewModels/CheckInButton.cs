namespace PatientExperience.Web.ViewModels;

/// <summary>The check-in button (partial FrontDesk/_CheckIn) and the page it returns to.</summary>
public sealed record CheckInButton(int AppointmentId, string PatientName, string ReturnUrl);
