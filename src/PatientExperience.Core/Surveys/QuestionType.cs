namespace PatientExperience.Core.Surveys;

public enum QuestionType
{
    /// <summary>Never / Sometimes / Usually / Always, stored 1–4 (4 is the top box).</summary>
    Frequency = 1,
    /// <summary>0–10.</summary>
    Rating = 2,
    /// <summary>"How likely are you to recommend…" 0–10 (NPS).</summary>
    Recommend = 3,
    /// <summary>Yes = 1, No = 0.</summary>
    YesNo = 4,
    /// <summary>Free text, kept on the response and read for themes and sentiment.</summary>
    Comment = 5,
    /// <summary>"May we contact you about your answers?" (Yes = 1).</summary>
    ContactConsent = 6,
    /// <summary>CG-CAHPS visit scale for one visit: No = 1, Yes, somewhat = 2, Yes, definitely = 3 (3 is the top box).</summary>
    YesDefinitely = 7,
    /// <summary>
    /// NHS Friends and Family Test: Very poor = 1, Poor = 2, Neither good nor poor = 3, Good = 4, Very good = 5, and
    /// Don't know = 0 (an answer that counts in the FFT total, so it is stored, not left empty).
    /// </summary>
    FriendsFamily = 8,
}
