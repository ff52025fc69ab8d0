using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

/// <summary>A timeline line in the reader's language: lines stored as events are written afresh (times through
/// <see cref="TimeText"/>, names such as the service's through <see cref="Localization.PatientNames"/>); older lines are
/// their stored English sentence, translated where we have it.</summary>
public static class TimelineText
{
    public static string Line(TimelineItem item, IStringLocalizer localizer, TimeText times, Localization.PatientNames names) =>
        item.Sentence?.Write(template => localizer[template].Value, times.When, names.Translate) ?? localizer[item.Summary].Value;
}
