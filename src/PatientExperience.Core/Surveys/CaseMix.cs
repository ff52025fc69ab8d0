namespace PatientExperience.Core.Surveys;

/// <summary>
/// Who answered, recorded with each response (<see cref="SurveyResponse.AgeBand"/>, <see cref="SurveyResponse.Language"/>)
/// beside how (<see cref="SurveyResponse.Channel"/>), so figures can be compared or adjusted for case mix and mode later
/// without reading patients' records again (the age is the band at the visit, not today's).
/// </summary>
public static class CaseMix
{
    public static AgeBand AgeBandAt(DateOnly dateOfBirth, DateOnly visitDay)
    {
        var age = visitDay.Year - dateOfBirth.Year;
        if (visitDay < dateOfBirth.AddYears(age))
            age--;
        return age switch
        {
            < 18 => AgeBand.Under18,
            < 25 => AgeBand.From18To24,
            < 35 => AgeBand.From25To34,
            < 45 => AgeBand.From35To44,
            < 55 => AgeBand.From45To54,
            < 65 => AgeBand.From55To64,
            < 75 => AgeBand.From65To74,
            _ => AgeBand.From75,
        };
    }

    /// <summary>"65–74", or "not recorded" for responses from before case mix was kept.</summary>
    public static string Label(AgeBand? band) => band switch
    {
        null => "not recorded",
        AgeBand.Under18 => "under 18",
        AgeBand.From18To24 => "18–24",
        AgeBand.From25To34 => "25–34",
        AgeBand.From35To44 => "35–44",
        AgeBand.From45To54 => "45–54",
        AgeBand.From55To64 => "55–64",
        AgeBand.From65To74 => "65–74",
        _ => "75 or over",
    };
}
