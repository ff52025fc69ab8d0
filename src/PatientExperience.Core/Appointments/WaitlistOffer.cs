namespace PatientExperience.Core.Appointments;

/// <summary>A freed time held for one waitlisted patient until <see cref="ExpiresAtUtc"/>; the link's token is stored only as a hash.</summary>
public class WaitlistOffer
{
    private WaitlistOffer() { }

    public WaitlistOffer(int entryId, int clinicianId, DateTime startUtc, string tokenHash, DateTime nowUtc, TimeSpan hold)
    {
        EntryId = entryId;
        ClinicianId = clinicianId;
        StartUtc = startUtc;
        TokenHash = tokenHash;
        OfferedAtUtc = nowUtc;
        ExpiresAtUtc = nowUtc + hold;
        Status = OfferStatus.Open;
    }

    public int Id { get; private set; }
    public int EntryId { get; private set; }
    public WaitlistEntry? Entry { get; private set; }
    public int ClinicianId { get; private set; }
    public DateTime StartUtc { get; private set; }
    public string TokenHash { get; private set; } = string.Empty;
    public DateTime OfferedAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public OfferStatus Status { get; private set; }
    public int? AppointmentId { get; private set; }

    public bool IsOpen(DateTime nowUtc) => Status == OfferStatus.Open && nowUtc < ExpiresAtUtc;

    // Status changes are conditional UPDATEs (BookingService takes a hold up, WaitlistService ends one), so that
    // the database decides between a click, a sweep and a withdrawal that meet.

    /// <summary>Short: the offer's link goes by text too (<see cref="OneTimeToken.NewShort"/>).</summary>
    public static (string Token, string Hash) NewToken() => OneTimeToken.NewShort();

    public static string Hash(string token) => OneTimeToken.Hash(token);
}
