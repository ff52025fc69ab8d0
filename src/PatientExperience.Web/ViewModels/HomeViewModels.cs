using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;

namespace PatientExperience.Web.ViewModels;

/// <param name="Next">The first booked visit still to come, or null.</param>
public sealed record PatientHomeViewModel(Patient Patient, IReadOnlyList<TimelineItem> Recent, AppointmentDetailsViewModel? Next);

/// <summary>The desk's home: today's visits as filtered (<see cref="Shown"/>) out of <see cref="TotalToday"/>.</summary>
public sealed record FrontDeskHomeViewModel(int CallsToday, int VisitsToday, IReadOnlyList<PatientExperience.Core.Appointments.FlowRow> Shown, int TotalToday, DateTime NowUtc,
    PatientExperience.Core.Appointments.DeskFilter Filter,
    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Departments,
    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Clinicians,
    string ReturnUrl,
    IReadOnlyList<CallBackRow>? CallBacks = null,
    PatientExperience.Web.Controllers.StaffSiteView? Site = null);

/// <summary>An open call-back task: a patient answered a reminder with R ("change") by text.</summary>
/// <param name="VisitTimeZone">The visit's site's zone: its time is written in it.</param>
public sealed record CallBackRow(int Id, int PatientId, string PatientName, string? Reference, string Phone, DateTime RequestedAtUtc, DateTime? VisitStartUtc,
    string? VisitTimeZone = null);

/// <param name="TimeZone">The zone of the clinician's site: their day and its times are that site's.</param>
public sealed record ClinicianHomeViewModel(StaffMember Me, IReadOnlyList<WorkingHours> Hours, IReadOnlyList<PatientExperience.Core.Appointments.FlowRow> Today, DateTime NowUtc,
    TimeSpan NoShowGrace, TimeSpan NoShowUndo, string? TimeZone = null)
{
    /// <summary>From when "Did not come" is offered for this visit (the same rule VisitFlow enforces).</summary>
    public DateTime NoShowFromUtc(PatientExperience.Core.Appointments.FlowRow row) =>
        PatientExperience.Core.Appointments.Appointment.NoShowAllowedFromUtc(row.StartUtc, NoShowGrace);

    public bool MayUndoNoShow(PatientExperience.Core.Appointments.FlowRow row) =>
        row.Status == PatientExperience.Core.Appointments.AppointmentStatus.NoShow
        && PatientExperience.Core.Appointments.Appointment.NoShowMayBeUndone(row.NoShowAtUtc, NowUtc, NoShowUndo);
}

/// <summary>The "did not come" question, asked before the time is freed.</summary>
public sealed record NoShowConfirmViewModel(PatientExperience.Core.Appointments.FlowRow Row, int UndoMinutes);

public sealed record ManagerHomeViewModel(int Patients, int Departments, int Clinicians, IReadOnlyList<(InteractionChannel Channel, int Count)> Last30DaysByChannel);

public sealed record AdminHomeViewModel(int Departments, int Services, int Staff, int InactiveStaff);

public sealed record PatientSearchViewModel(string? Query, IReadOnlyList<PatientSearchHit> Hits)
{
    public bool Searched => !string.IsNullOrWhiteSpace(Query);
    public bool TooShort => Searched && Query!.Trim().Length < PatientDirectory.MinQueryLength;
}

public sealed class MyDetailsForm
{
    [Display(Name = "Mobile or home phone")]
    public string? Phone { get; set; }

    [Display(Name = "Language for pages and emails")]
    public string? PreferredLanguage { get; set; }

    [Display(Name = "Email me a short survey after a visit")]
    public bool ContactByEmail { get; set; }

    [Display(Name = "Phone call")]
    public bool ContactByPhone { get; set; }

    /// <summary>Visit messages by email, text or both.</summary>
    public VisitMessages Messages { get; set; } = VisitMessages.Email;

    /// <summary>Reminders another way; null (the form's "The same way"): as <see cref="Messages"/>.</summary>
    public VisitMessages? Reminders { get; set; }

    /// <summary>How the survey link after a visit comes; null when the page did not ask (no choice to make).</summary>
    public VisitMessages? Surveys { get; set; }

    /// <summary>How we confirm a complaint was received; null when the page did not ask.</summary>
    public VisitMessages? Complaints { get; set; }

    /// <summary>Waitlist offers another way; null (the form's "The same way"): as <see cref="Messages"/>.</summary>
    public VisitMessages? Waitlist { get; set; }
}

/// <param name="PhoneCanText">The number on file can get texts, so text is offered.</param>
public sealed record MyDetailsViewModel(Patient Patient, MyDetailsForm Form, bool PhoneCanText);

/// <summary>The error page: a short reference to read out, and the number to call.</summary>
public sealed record ErrorPageViewModel(string Reference, string ClinicPhone);
