namespace PatientExperience.Core.Appointments;

/// <summary>
/// One <see cref="CellMinutes"/>-minute piece of someone's time, held by an active appointment or by an open
/// waitlist hold (exactly one of the two).
/// The primary key (owner, cell start) is what makes double booking impossible: two appointments
/// that overlap by even five minutes would need the same row, and the database refuses the second.
/// A clinician's cells cover the visit and its buffers; a patient's cover the visit only. A hold covers
/// the clinician's block only, so nobody else can book the time while it is held for a waiting patient.
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

    /// <summary>A cell held for a waiting patient by <see cref="WaitlistOffer"/> <paramref name="holdId"/>.</summary>
    public static TimeCell Held(string owner, DateTime cellStartUtc, int holdId) =>
        new() { Owner = owner, CellStartUtc = cellStartUtc, HoldId = holdId };

    /// <summary>"c:12" for clinician 12, "p:34" for patient 34.</summary>
    public string Owner { get; private set; } = string.Empty;
    public DateTime CellStartUtc { get; private set; }
    public int? AppointmentId { get; private set; }

    /// <summary>The open waitlist offer holding this cell; null for an appointment's cell.</summary>
    public int? HoldId { get; private set; }

    public static string ForClinician(int staffMemberId) => "c:" + staffMemberId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string ForPatient(int patientId) => "p:" + patientId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The cells an active appointment owns: the clinician's over the visit and buffers, the patient's over the visit.</summary>
    public static IEnumerable<TimeCell> Of(Appointment appointment)
    {
        var clinician = ForClinician(appointment.ClinicianId);
        foreach (var cell in Cover(appointment.BlockStartUtc, appointment.BlockEndUtc))
            yield return new TimeCell(clinician, cell, appointment.Id);
        var patient = ForPatient(appointment.PatientId);
        foreach (var cell in Cover(appointment.StartUtc, appointment.EndUtc))
            yield return new TimeCell(patient, cell, appointment.Id);
    }

    /// <summary>The cells covering [startUtc, endUtc), on the five-minute grid.</summary>
    public static IEnumerable<DateTime> Cover(DateTime startUtc, DateTime endUtc)
    {
        var cell = TimeSpan.FromMinutes(CellMinutes);
        var first = new DateTime(startUtc.Ticks - startUtc.Ticks % cell.Ticks, DateTimeKind.Utc);
        for (var t = first; t < endUtc; t += cell)
            yield return t;
    }
}

