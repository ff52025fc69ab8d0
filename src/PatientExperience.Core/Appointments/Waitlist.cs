using PatientExperience.Core.Common;

namespace PatientExperience.Core.Appointments;

public enum WaitlistStatus
{
    Waiting = 1,
    Booked = 2,
    Withdrawn = 3,
}

/// <summary>A patient who wants an earlier time for a service, optionally with one clinician, between two dates.</summary>
public class WaitlistEntry : AuditableEntity
{
    private WaitlistEntry() { }

    public WaitlistEntry(int patientId, int serviceId, int? clinicianId, DateOnly from, DateOnly to, DateTime nowUtc)
    {
        PatientId = patientId;
        ServiceId = serviceId;
        ClinicianId = clinicianId;
        From = from;
        To = to;
        JoinedAtUtc = nowUtc;
        Status = WaitlistStatus.Waiting;
    }

    public int PatientId { get; private set; }
    public int ServiceId { get; private set; }
    public int? ClinicianId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public DateTime JoinedAtUtc { get; private set; }
    public WaitlistStatus Status { get; private set; }

    public void Withdraw() => Status = WaitlistStatus.Withdrawn;
}

public enum OfferStatus
{
    Open = 1,
    Accepted = 2,
    Expired = 3,
    /// <summary>The time went to someone else (or was booked another way) before this offer was used.</summary>
    Gone = 4,
}

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
