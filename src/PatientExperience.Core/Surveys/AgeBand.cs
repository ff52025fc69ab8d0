namespace PatientExperience.Core.Surveys;

/// <summary>
/// The patient's age at the visit, in the bands CAHPS uses for patient-mix adjustment (AHRQ, "Instructions for Analyzing
/// Data from CAHPS Surveys": 18–24, 25–34, …, 75 and over; under 18 kept apart for child visits).
/// </summary>
public enum AgeBand
{
    Under18 = 1,
    From18To24 = 2,
    From25To34 = 3,
    From35To44 = 4,
    From45To54 = 5,
    From55To64 = 6,
    From65To74 = 7,
    From75 = 8,
}
