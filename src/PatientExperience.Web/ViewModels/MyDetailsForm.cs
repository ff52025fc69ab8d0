using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

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
