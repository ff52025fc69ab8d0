namespace PatientExperience.Core.Surveys;

public enum PraiseStatus
{
    /// <summary>Waiting for the staff member's manager to decide.</summary>
    Offered = 1,
    /// <summary>The manager passed it on: the staff member sees it on their home page.</summary>
    PassedOn = 2,
    /// <summary>The manager chose not to pass it on (it was not really about them, or not kind after all).</summary>
    NotPassedOn = 3,
}
