namespace PatientExperience.Core.Surveys;

public enum Sentiment
{
    Neutral = 0,
    Positive = 1,
    Negative = 2,
}
