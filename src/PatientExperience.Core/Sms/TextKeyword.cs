namespace PatientExperience.Core.Sms;

/// <summary>What a patient's reply asks for.</summary>
public enum TextKeyword
{
    Unknown,
    /// <summary>C: "I will come" (the visit is marked confirmed by text).</summary>
    Confirm,
    /// <summary>R: "call me to change it" (a call-back task for the desk).</summary>
    Change,
    /// <summary>X: "cancel it" (within the cancellation policy).</summary>
    Cancel,
    /// <summary>STOP: no more texts.</summary>
    Stop,
    /// <summary>START: texts again.</summary>
    Start,
}
