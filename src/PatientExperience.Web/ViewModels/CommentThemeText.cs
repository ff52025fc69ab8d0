using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.ViewModels;

/// <summary>
/// The words people read for a comment theme ("Staff attitude", not "StaffAttitude"): the English text, which is
/// also the localization key, so every page that names a theme names it the same way.
/// </summary>
public static class CommentThemeText
{
    public static string Of(CommentTheme theme) => theme switch
    {
        CommentTheme.Waiting => "Waiting",
        CommentTheme.StaffAttitude => "Staff attitude",
        CommentTheme.Communication => "Communication",
        CommentTheme.ClinicalCare => "Clinical care",
        CommentTheme.Billing => "Billing",
        CommentTheme.Cleanliness => "Cleanliness",
        CommentTheme.Booking => "Booking",
        CommentTheme.Facilities => "Facilities",
        _ => theme.ToString(),
    };
}
