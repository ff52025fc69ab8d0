namespace PatientExperience.Core.Appointments;

/// <summary>
/// A patient was told their clinician is running late. One row per visit and step of lateness
/// (<see cref="FlowOptions.LateNoticeMinutes"/>): the unique key (AppointmentId, Step) is what makes a second run or a
/// second instance skip a notice already sent.
/// </summary>
public class LateNotice
{
    private LateNotice() { }

    public LateNotice(int appointmentId, int step, int lateMinutes, DateTime expectedStartUtc, bool byText, bool byEmail, DateTime sentAtUtc)
    {
        AppointmentId = appointmentId;
        Step = step;
        LateMinutes = lateMinutes;
        ExpectedStartUtc = expectedStartUtc;
        ByText = byText;
        ByEmail = byEmail;
        SentAtUtc = sentAtUtc;
    }

    public int Id { get; private set; }
    public int AppointmentId { get; private set; }
    public Appointment? Appointment { get; private set; }
    /// <summary>1 for the first step over the threshold, 2 for the next, …</summary>
    public int Step { get; private set; }
    /// <summary>The delay the patient was told ("about N minutes").</summary>
    public int LateMinutes { get; private set; }
    public DateTime ExpectedStartUtc { get; private set; }
    public bool ByText { get; private set; }
    public bool ByEmail { get; private set; }
    public DateTime SentAtUtc { get; private set; }
}
