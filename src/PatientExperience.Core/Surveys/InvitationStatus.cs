namespace PatientExperience.Core.Surveys;

public enum InvitationStatus
{
    /// <summary>Waiting for the delay (and the end of quiet hours) before it is sent.</summary>
    Scheduled = 1,
    /// <summary>Sent (or shown on the patient's page); the link works until it expires.</summary>
    Open = 2,
    Answered = 3,
    Expired = 4,
}
