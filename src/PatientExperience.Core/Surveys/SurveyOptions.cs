namespace PatientExperience.Core.Surveys;

/// <summary>Section "Surveys": when invitations go out and how long they last.</summary>
public sealed class SurveyOptions
{
    public const string Section = "Surveys";

    /// <summary>Hours after the visit before the invitation is emailed.</summary>
    public double DelayHours { get; set; } = 2;
    /// <summary>No survey email between these clinic-local times (the window may cross midnight).</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);
    /// <summary>At most one invitation per patient in this many days.</summary>
    public int FrequencyCapDays { get; set; } = 30;
    /// <summary>The link works this many days after the visit.</summary>
    public int ExpiryDays { get; set; } = 49;
    /// <summary>One reminder this many days after the invitation, if unanswered.</summary>
    public double ReminderAfterDays { get; set; } = 5;
    /// <summary>No reminder when the link ends within this many days: not worth a nudge.</summary>
    public double ReminderNeedsLinkDays { get; set; } = 2;
    /// <summary>
    /// No reminder more than this many days after it was due (the job was stopped for a while): the email says "a few
    /// days ago we asked", which would no longer be true.
    /// </summary>
    public double ReminderLateDays { get; set; } = 5;
}

