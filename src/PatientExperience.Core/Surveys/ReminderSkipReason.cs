namespace PatientExperience.Core.Surveys;

/// <summary>Why an unanswered invitation's reminder was not sent (not an error: the rules said no).</summary>
public enum ReminderSkipReason
{
    /// <summary>The link ends within <see cref="SurveyOptions.ReminderNeedsLinkDays"/>: too little time to be worth a nudge.</summary>
    LinkEndsSoon = 1,
    /// <summary>The patient had another survey reminder lately (two visits' invitations open at once).</summary>
    AnotherReminder = 2,
    /// <summary>Due long ago (the job was stopped): "a few days ago we asked" would no longer be true.</summary>
    TooLate = 3,
}
