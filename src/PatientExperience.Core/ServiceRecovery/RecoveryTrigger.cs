namespace PatientExperience.Core.ServiceRecovery;

/// <summary>Why a survey response needs a person to follow up.</summary>
public enum RecoveryTrigger
{
    /// <summary>"How likely are you to recommend…" answered 0–6.</summary>
    LowRecommend = 1,
    /// <summary>Overall rating answered 0–6.</summary>
    LowOverall = 2,
    /// <summary>The least positive option on a key question.</summary>
    BottomAnswer = 3,
    /// <summary>A comment read as negative.</summary>
    NegativeComment = 4,
}
