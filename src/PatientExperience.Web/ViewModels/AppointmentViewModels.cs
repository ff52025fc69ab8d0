using System.Globalization;
using PatientExperience.Core.Appointments;

namespace PatientExperience.Web.ViewModels;

public sealed record AppointmentListViewModel(IReadOnlyList<AppointmentRow> Upcoming, IReadOnlyList<AppointmentRow> Past);

/// <param name="Site">The site chosen, when the group has more than one (its name heads the list, with a way to change it).</param>
public sealed record ChooseServiceViewModel(IReadOnlyList<ServiceChoice> Services, string BaseUrl, PatientExperience.Core.Sites.SiteChoice? Site = null);

public sealed record ChooseClinicianViewModel(ServiceChoice Service, IReadOnlyList<ClinicianChoice> Clinicians, string BaseUrl);

/// <summary>Step 3: free times. Also used for rescheduling and for the front desk (different form targets).</summary>
public sealed record ChooseTimeViewModel(
    ServiceChoice Service, int ClinicianId, string? ClinicianName, DateOnly From, int Days, bool CanGoBack,
    IReadOnlyList<DaySlots> SlotDays, string ConfirmUrl, string PageUrl, string? Message = null, IReadOnlyList<OfferedSlot>? Alternatives = null,
    CurrentVisit? Current = null);

public sealed record ConfirmBookingViewModel(
    ServiceChoice Service, int ClinicianId, string ClinicianName, DateTime StartUtc, string PostUrl, string BackUrl, int? AppointmentId = null,
    CurrentVisit? Current = null);

/// <summary>The time a patient is moving away from, shown while they choose the new one ("Now: … with …").</summary>
/// <param name="TimeZone">The visit's site's zone: its time is read there, as the times it may move to are.</param>
public sealed record CurrentVisit(DateTime StartUtc, string Clinician, string? TimeZone = null);

/// <param name="AddToCalendar">The Google and Outlook links shown beside the .ics download.</param>
/// <param name="MovedFromUtc">Set on the page after a move: the time the visit moved away from.</param>
public sealed record AppointmentDetailsViewModel(AppointmentRow Row, bool MayChange, string ClinicPhone, double CutoffHours,
    PatientExperience.Infrastructure.Calendar.CalendarLinks AddToCalendar, string? Reason = null, string? Message = null, DateTime? MovedFromUtc = null);

public static class SlotLinks
{
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A slot time as the links write it, and only inside <see cref="PatientExperience.Core.Common.SaneDates"/>.</summary>
    public static bool TryParse(string? text, out DateTime utc) =>
        DateTime.TryParseExact(text, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc)
        && PatientExperience.Core.Common.SaneDates.Contains(utc);
}

public sealed class WaitlistForm
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Service")]
    public int? ServiceId { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Clinician (optional)")]
    public int? ClinicianId { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "From")]
    public DateOnly? From { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Until")]
    public DateOnly? To { get; set; }
}


/// <param name="Sites">The group's bookable sites: with more than one, the services are grouped under each site's name.</param>
public sealed record WaitlistPageViewModel(WaitlistForm Form, IReadOnlyList<ServiceChoice> Services, IReadOnlyList<ClinicianChoice> Clinicians, IReadOnlyList<WaitlistRow> Entries,
    IReadOnlyList<PatientExperience.Core.Sites.SiteChoice> Sites);

public sealed record OfferPageViewModel(OfferView Offer, string Token);

/// <summary>The check-in link's page: the visit (null when the link opens nothing) and how it stands.</summary>
public sealed record CheckInPageViewModel(string Token, PatientExperience.Core.Appointments.CheckInVisit? Visit, string ClinicPhone, string Query)
{
    public PatientExperience.Core.Appointments.CheckInLinkState State => Visit?.State ?? PatientExperience.Core.Appointments.CheckInLinkState.NotFound;
}
