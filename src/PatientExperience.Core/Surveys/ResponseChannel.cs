namespace PatientExperience.Core.Surveys;

/// <summary>How a survey was reached (issue 18 item 4: mode recorded with each response).</summary>
public enum ResponseChannel
{
    /// <summary>Answered before the channel was recorded.</summary>
    Unknown = 0,
    /// <summary>The link in the invitation or reminder email.</summary>
    EmailLink = 1,
    /// <summary>The link in the text message.</summary>
    TextLink = 2,
    /// <summary>From the patient's own page (/my/surveys), signed in.</summary>
    Portal = 3,
}
