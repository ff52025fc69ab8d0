namespace PatientExperience.Core.Appointments;

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
