namespace PatientExperience.Core.Appointments;

/// <summary>What a check-in link finds.</summary>
public enum CheckInLinkState
{
    /// <summary>No visit has this token (mistyped, cut short, or replaced after a move).</summary>
    NotFound,
    TooEarly,
    Open,
    /// <summary>Already checked in (the link is single-use: the visit has moved on).</summary>
    AlreadyArrived,
    /// <summary>The visit's time is over, or it was marked "did not come".</summary>
    Ended,
    Cancelled,
}
