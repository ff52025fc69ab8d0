namespace PatientExperience.Core.Appointments;

/// <summary>
/// One <see cref="CellMinutes"/>-minute piece of someone's time, held by an active appointment.
/// The primary key (owner, cell start) is what makes double booking impossible: two appointments
/// that overlap by even five minutes would need the same row, and the database refuses the second.
/// A clinician's cells cover the visit and its buffers; a patient's cover the visit only.
/// </summary>
public class TimeCell
{
    public const int CellMinutes = 5;

    private TimeCell() { }

    public TimeCell(string owner, DateTime cellStartUtc, int appointmentId)
    {
        Owner = owner;
        CellStartUtc = cellStartUtc;
        AppointmentId = appointmentId;
    }

    /// <summary>"c:12" for clinician 12, "p:34" for patient 34.</summary>
    public string Owner { get; private set; } = string.Empty;
    public DateTime CellStartUtc { get; private set; }
    public int AppointmentId { get; private set; }

    public static string ForClinician(int staffMemberId) => "c:" + staffMemberId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string ForPatient(int patientId) => "p:" + patientId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The cells covering [startUtc, endUtc), on the five-minute grid.</summary>
    public static IEnumerable<DateTime> Cover(DateTime startUtc, DateTime endUtc)
    {
        var cell = TimeSpan.FromMinutes(CellMinutes);
        var first = new DateTime(startUtc.Ticks - startUtc.Ticks % cell.Ticks, DateTimeKind.Utc);
        for (var t = first; t < endUtc; t += cell)
            yield return t;
    }
}
