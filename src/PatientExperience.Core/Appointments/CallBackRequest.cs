using PatientExperience.Core.Patients;

namespace PatientExperience.Core.Appointments;

/// <summary>
/// A patient asked to be called back (they answered a reminder with R, "change"): a task on the front desk's screen
/// until someone marks it done.
/// </summary>
public class CallBackRequest : AuditableEntity
{
    private CallBackRequest() { }

    public CallBackRequest(int patientId, int? appointmentId, DateTime requestedAtUtc)
    {
        PatientId = patientId;
        AppointmentId = appointmentId;
        RequestedAtUtc = requestedAtUtc;
    }

    public int PatientId { get; private set; }
    public Patient? Patient { get; private set; }
    /// <summary>The visit they want to change.</summary>
    public int? AppointmentId { get; private set; }
    public Appointment? Appointment { get; private set; }
    public DateTime RequestedAtUtc { get; private set; }
    public DateTime? DoneAtUtc { get; private set; }
    public int? DoneByStaffMemberId { get; private set; }

    public void MarkDone(int? staffMemberId, DateTime nowUtc)
    {
        if (DoneAtUtc is not null)
            return;
        DoneAtUtc = nowUtc;
        DoneByStaffMemberId = staffMemberId;
    }
}
