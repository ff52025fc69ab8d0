namespace PatientExperience.Core.Interactions;

public enum InteractionChannel
{
    Phone = 1,
    Web = 2,
    InPerson = 3,
    Email = 4,
    Letter = 5,
    /// <summary>A text message (SMS), sent or received.</summary>
    Text = 6,
}
