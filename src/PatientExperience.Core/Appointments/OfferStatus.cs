namespace PatientExperience.Core.Appointments;

public enum OfferStatus
{
    Open = 1,
    Accepted = 2,
    Expired = 3,
    /// <summary>The time went to someone else (or was booked another way) before this offer was used.</summary>
    Gone = 4,
}
