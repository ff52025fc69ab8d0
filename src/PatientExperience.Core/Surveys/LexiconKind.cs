namespace PatientExperience.Core.Surveys;

public enum LexiconKind
{
    /// <summary>A word or phrase that names a theme (negation does not matter: "not clean" is still about cleanliness).</summary>
    Theme = 1,
    Positive = 2,
    Negative = 3,
    /// <summary>Flips the sentiment of a word up to three words after it in the same clause ("not helpful").</summary>
    Negator = 4,
    /// <summary>Strengthens the sentiment word right after it, or two words after it ("very rude", "muy amable", "很差").</summary>
    Intensifier = 5,
}
