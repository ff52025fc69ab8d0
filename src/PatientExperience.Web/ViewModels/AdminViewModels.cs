using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Sites;
using PatientExperience.Core.Staff;

namespace PatientExperience.Web.ViewModels;

public sealed class DepartmentForm
{
    public int? Id { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Description (optional)")]
    public string? Description { get; set; }

    [Display(Name = "Phone number (optional)")]
    public string? Phone { get; set; }

    [Display(Name = "Address patients come to (optional)")]
    public string? Address { get; set; }

    [Display(Name = "How to find it (optional)")]
    public string? Directions { get; set; }

    [Display(Name = "What to bring (optional)")]
    public string? WhatToBring { get; set; }

    public bool IsActive { get; set; } = true;

    [Display(Name = "Site")]
    public int? SiteId { get; set; }

    /// <summary>The sites to choose from (filled by the controller; the choice shows only when there are two or more).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public IReadOnlyList<(int Id, string Name)> Sites { get; set; } = [];

    public SaveDepartment ToRequest() => new(Name, Description, Phone, Address, Directions, WhatToBring, SiteId);
}

public sealed class ServiceForm
{
    public int? Id { get; set; }

    [Display(Name = "Department")]
    public int? DepartmentId { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Length in minutes")]
    public int? DurationMinutes { get; set; }

    [Display(Name = "Description (optional)")]
    public string? Description { get; set; }

    [Display(Name = "Preparation time before (minutes)")]
    public int BufferBeforeMinutes { get; set; }

    [Display(Name = "Time after, for notes or cleaning (minutes)")]
    public int BufferAfterMinutes { get; set; }

    public bool IsActive { get; set; } = true;

    public IReadOnlyList<SelectListItem> Departments { get; set; } = [];

    public SaveClinicService ToRequest() => new(DepartmentId, Name, DurationMinutes, Description, BufferBeforeMinutes, BufferAfterMinutes);
}

public sealed class StaffForm
{
    public int? Id { get; set; }

    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    [Display(Name = "Last name")]
    public string? LastName { get; set; }

    [Display(Name = "Work email (used to sign in)")]
    public string? Email { get; set; }

    [Display(Name = "Job title")]
    public string? JobTitle { get; set; }

    [Display(Name = "Department")]
    public int? DepartmentId { get; set; }

    [Display(Name = "Patients can book appointments with this person")]
    public bool IsClinician { get; set; }

    [Display(Name = "Roles")]
    public List<string> Roles { get; set; } = [];

    public bool IsActive { get; set; } = true;

    public IReadOnlyList<SelectListItem> Departments { get; set; } = [];

    public SaveStaffMember ToRequest() => new(FirstName, LastName, Email, JobTitle, DepartmentId, IsClinician, Roles);
}

public static class Labels
{
    /// <summary>Plain words for how a patient reached us (the enum names are for code).</summary>
    public static string Channel(Core.Interactions.InteractionChannel channel) => channel switch
    {
        Core.Interactions.InteractionChannel.InPerson => "In person",
        Core.Interactions.InteractionChannel.Text => "Text message",
        _ => channel.ToString(),
    };

    public static string Status(Core.Appointments.AppointmentStatus status) => status switch
    {
        Core.Appointments.AppointmentStatus.InRoom => "With the clinician",
        Core.Appointments.AppointmentStatus.NoShow => "Did not come",
        _ => status.ToString(),
    };
}

public static class RoleNames
{
    /// <summary>Plain names for the role codes, for people.</summary>
    public static string Describe(string role) => role switch
    {
        Core.Staff.Roles.FrontDesk => "Front desk",
        Core.Staff.Roles.Clinician => "Clinician",
        Core.Staff.Roles.Manager => "Manager",
        Core.Staff.Roles.Admin => "Administrator",
        Core.Staff.Roles.Patient => "Patient",
        _ => role,
    };
}

public sealed class HoursForm
{
    public List<HoursRow> Hours { get; set; } = [];

    /// <summary>"weekdays": the "Copy Monday to Tuesday–Friday" button was pressed (fill the form, do not save yet).</summary>
    public string? Copy { get; set; }

    /// <summary>Monday's rows, in order, replace Tuesday's to Friday's; the weekend is left as it is.</summary>
    public void CopyMondayToWeekdays()
    {
        DayOfWeek[] week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
        var monday = Hours.Where(h => h.Day == DayOfWeek.Monday).ToList();
        Hours = [.. week.SelectMany(day => day is > DayOfWeek.Monday and < DayOfWeek.Saturday
            ? monday.Select(m => new HoursRow { Day = day, Start = m.Start, End = m.End })
            : Hours.Where(h => h.Day == day))];
    }
}

public sealed class HoursRow
{
    public DayOfWeek Day { get; set; }
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }
}

public sealed record HoursPageViewModel(int StaffId, string Name, HoursForm Form);

/// <param name="SiteId">A site's own holidays (on top of the group's): the page adds and lists that site's only.</param>
public sealed record TimeOffPageViewModel(int? StaffId, string Title, IReadOnlyList<Core.Staff.TimeOffRow> Rows, DateOnly? From = null, DateOnly? To = null, string? Reason = null,
    int? SiteId = null);

public sealed class SiteForm
{
    public int? Id { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Address (optional)")]
    public string? Address { get; set; }

    [Display(Name = "Phone number (optional)")]
    public string? Phone { get; set; }

    [Display(Name = "How to find it (optional)")]
    public string? Directions { get; set; }

    [Display(Name = "What to bring (optional)")]
    public string? WhatToBring { get; set; }

    [Display(Name = "Time zone")]
    public string? TimeZone { get; set; }

    [Display(Name = "Complaint rules")]
    public string? PolicyPack { get; set; }

    public SaveSite ToRequest() => new(Name, Address, Phone, Directions, WhatToBring, TimeZone, PolicyPack);
}
