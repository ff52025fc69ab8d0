namespace PatientExperience.Core.Sms;

/// <summary>What became of one inbound text.</summary>
public enum InboundTextOutcome
{
    /// <summary>No patient has this number: nothing is stored.</summary>
    UnknownSender,
    Stopped,
    Started,
    Confirmed,
    CallBackRequested,
    Cancelled,
    TooLateToCancel,
    HelpSent,
    /// <summary>An unreadable reply within a day of the help text (<see cref="TextHelp"/>): recorded, not answered.</summary>
    Ignored,
    NoVisit,
}
