using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

public sealed class ComplaintForm
{
    public int? PatientId { get; set; }

    [Display(Name = "Complainant's name")]
    public string? ComplainantName { get; set; }

    [Display(Name = "Email (optional)")]
    public string? ComplainantEmail { get; set; }

    [Display(Name = "Phone")]
    public string? ComplainantPhone { get; set; }

    [Display(Name = "How did it reach us?")]
    public InteractionChannel Channel { get; set; } = InteractionChannel.Phone;

    [Display(Name = "What is it about?")]
    public int? CategoryId { get; set; }

    [Display(Name = "How serious is it?")]
    public ComplaintSeverity? Severity { get; set; }

    [Display(Name = "What happened")]
    public string? WhatHappened { get; set; }

    [Display(Name = "What outcome do they want? (optional)")]
    public string? OutcomeWanted { get; set; }

    [Display(Name = "Visit concerned (optional)")]
    public int? AppointmentId { get; set; }

    [Display(Name = "Department concerned (optional)")]
    public int? DepartmentId { get; set; }

    [Display(Name = "Staff member concerned (optional)")]
    public int? ConcernedStaffMemberId { get; set; }

    public ComplaintIntake ToIntake(int? staffId) => new(PatientId, ComplainantName, ComplainantEmail, ComplainantPhone, Channel, CategoryId, Severity,
        WhatHappened, OutcomeWanted, AppointmentId, DepartmentId, ConcernedStaffMemberId, staffId);
}

public sealed record ComplaintIntakeViewModel(
    ComplaintForm Form,
    string? Query,
    IReadOnlyList<PatientSearchHit>? Hits,
    Patient? Patient,
    IReadOnlyList<SelectListItem> Categories,
    IReadOnlyList<SelectListItem> Departments,
    IReadOnlyList<SelectListItem> Staff,
    IReadOnlyList<SelectListItem> Visits);

public sealed class PatientComplaintForm
{
    [Display(Name = "What is it about?")]
    public int? CategoryId { get; set; }

    [Display(Name = "What happened")]
    public string? WhatHappened { get; set; }

    [Display(Name = "What would you like us to do? (optional)")]
    public string? OutcomeWanted { get; set; }

    [Display(Name = "Which visit? (optional)")]
    public int? AppointmentId { get; set; }
}

public sealed record PatientComplaintFormViewModel(PatientComplaintForm Form, IReadOnlyList<SelectListItem> Categories, IReadOnlyList<SelectListItem> Visits);

public sealed record ComplaintQueueViewModel(ComplaintQueue Queue, IReadOnlyList<ComplaintRow> Rows, int Total, IReadOnlyDictionary<ComplaintQueue, int> Counts, DateTime NowUtc);

public sealed record ComplaintEventRow(ComplaintEvent Event, string? StaffName);

public sealed record ComplaintDetailsViewModel(
    Complaint Complaint,
    string Complainant,
    string? ComplainantEmail,
    string? ComplainantPhone,
    string? ConcernedStaff,
    string? Visit,
    IReadOnlyList<ComplaintEventRow> Events,
    IReadOnlyList<SelectListItem> Owners,
    ComplaintPolicyPack Pack,
    int ReopenDays,
    bool MayManage,
    DateTime NowUtc,
    DateTime? ProgressLetterDueUtc,
    string TimeZone);

public sealed class WrittenResponseForm
{
    [Display(Name = "What we looked into")]
    public string? LookedInto { get; set; }

    [Display(Name = "What we found")]
    public string? Found { get; set; }

    [Display(Name = "What will change")]
    public string? WillChange { get; set; }

    [Display(Name = "Named contact")]
    public string? ContactName { get; set; }

    [Display(Name = "How to take it further")]
    public string? TakeItFurther { get; set; }

    public WrittenResponse ToResponse() => new(LookedInto, Found, WillChange, ContactName, TakeItFurther);
}

public sealed record ComplaintRespondViewModel(Complaint Complaint, WrittenResponseForm Form);

/// <summary>A letter's print page: the letter, the way back and (staff) its PDF.</summary>
public sealed record LetterPageViewModel(PatientExperience.Infrastructure.Letters.Letter Letter, string BackUrl, string? PdfUrl);

/// <param name="TimeZone">The complaint's site's zone: its reply-by day ends at that site's midnight.</param>
public sealed record PatientComplaintViewModel(Complaint Complaint, IReadOnlyList<ComplaintEvent> Messages, string TimeZone);

public sealed record ComplaintSettingsViewModel(string PolicyPack, int ReopenDays, bool Stored, string ConfiguredPack, IReadOnlyList<ComplaintCategory> Categories, string? NewCategory);

public static class ComplaintText
{
    public static string Status(ComplaintStatus status) => status switch
    {
        ComplaintStatus.New => "New",
        ComplaintStatus.Acknowledged => "Acknowledged",
        ComplaintStatus.Investigating => "Investigating",
        ComplaintStatus.AwaitingPatient => "Awaiting patient (clock paused)",
        ComplaintStatus.Resolved => "Resolved",
        ComplaintStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static string Severity(ComplaintSeverity severity) => severity switch
    {
        ComplaintSeverity.Low => "Low",
        ComplaintSeverity.Medium => "Medium",
        ComplaintSeverity.High => "High",
        ComplaintSeverity.Critical => "Critical",
        _ => severity.ToString(),
    };

    public static string Channel(InteractionChannel channel) => channel switch
    {
        InteractionChannel.Phone => "Phone",
        InteractionChannel.InPerson => "In person",
        InteractionChannel.Email => "Email",
        InteractionChannel.Letter => "Letter",
        InteractionChannel.Web => "Web",
        InteractionChannel.Text => "Text message",
        _ => channel.ToString(),
    };

    public static string Queue(ComplaintQueue queue) => queue switch
    {
        ComplaintQueue.Mine => "Mine",
        ComplaintQueue.Department => "My department",
        ComplaintQueue.Unassigned => "Unassigned",
        ComplaintQueue.DueSoon => "Due soon",
        ComplaintQueue.Overdue => "Overdue",
        ComplaintQueue.Open => "All open",
        ComplaintQueue.Finished => "Resolved and closed",
        _ => queue.ToString(),
    };

    public static string Event(ComplaintEventKind kind) => kind switch
    {
        ComplaintEventKind.Received => "Received",
        ComplaintEventKind.StatusChanged => "Status changed",
        ComplaintEventKind.Assigned => "Assigned",
        ComplaintEventKind.InternalNote => "Internal note",
        ComplaintEventKind.MessageToComplainant => "Message to the complainant",
        ComplaintEventKind.MessageFromComplainant => "Message from the complainant",
        ComplaintEventKind.Escalated => "Escalated",
        ComplaintEventKind.AcknowledgementSent => "Acknowledgement sent",
        ComplaintEventKind.ResponseSent => "Written response sent",
        ComplaintEventKind.Reopened => "Reopened",
        ComplaintEventKind.ResolvedAtFirstContact => "Resolved at first contact",
        ComplaintEventKind.DeadlineAgreed => "Response date agreed",
        ComplaintEventKind.OutcomeRecorded => "Outcome recorded",
        _ => kind.ToString(),
    };
}

/// <summary>One labelled drop-down on the complaint forms.</summary>
public sealed record ComplaintFieldModel(string Name, string Label, IReadOnlyList<SelectListItem> Options, string? Empty, string? Hint = null);
