namespace PatientExperience.Infrastructure.Email;

public enum EmailDelivery
{
    /// <summary>Write .eml files to a folder a developer can open.</summary>
    Pickup,
    Smtp,
}
