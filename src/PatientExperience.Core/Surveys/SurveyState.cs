namespace PatientExperience.Core.Surveys;

public enum SurveyState
{
    Open,
    /// <summary>Unknown, tampered or cut short: we cannot tell which, and we say so kindly.</summary>
    NotFound,
    Answered,
    Expired,
}
