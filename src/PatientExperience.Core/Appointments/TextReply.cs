namespace PatientExperience.Core.Appointments;

/// <summary>What the portal texts back to a reply (<see cref="Sms.TextReplyService"/>).</summary>
public enum TextReply
{
    /// <summary>C: "Thank you, your appointment on … is confirmed."</summary>
    Confirmed,
    /// <summary>R: "We will call you to find a new time."</summary>
    CallBack,
    /// <summary>X past the cancellation cut-off: "Please call us on …"; the visit stays.</summary>
    TooLateToCancel,
    /// <summary>A reply we could not read: what to reply (once per visit; once when no visit waits), X only while cancelling is allowed.</summary>
    Help,
    /// <summary>C, R or X with no visit waiting for an answer: "Please call us on …".</summary>
    NoVisit,
    /// <summary>STOP: "No more texts. Reply START to get them again."</summary>
    Stopped,
    /// <summary>START: "Texts are on again. Reply STOP to end them."</summary>
    Started,
}
