using PatientExperience.Core.Auditing;

namespace PatientExperience.Core.Appointments;

/// <summary>
/// A staff change to a patient's appointment is audited (who, when, what, which patient) inside the change's own
/// transaction, so the entry and the change land together or not at all. Past the cut-off, the reason goes on the
/// patient's timeline and the override gets an entry of its own, in that transaction too. Pass <see cref="For"/>'s
/// result as the <c>alsoWrite</c> of <see cref="BookingService"/> and <see cref="VisitFlow"/>.
/// </summary>
public sealed class StaffChangeAudit(IAppDbContext db, AuditTrail audit, ClinicClock clock)
{
    public Func<Appointment, CancellationToken, Task> For(AuditAction action, int? staffId = null, string? overrideReason = null) =>
        async (appointment, ct) =>
        {
            var appointmentId = appointment.Id.ToString(CultureInfo.InvariantCulture);
            await audit.RecordAsync(action, nameof(Appointment), appointmentId, appointment.PatientId, ct);
            if (string.IsNullOrWhiteSpace(overrideReason))
                return;
            db.Interactions.Add(new Interaction(appointment.PatientId, staffId, InteractionChannel.Phone, InteractionKind.Note,
                "Cut-off overridden: " + overrideReason.Trim(), clock.UtcNow));
            await audit.RecordAsync(AuditAction.Override, nameof(Appointment), appointmentId, appointment.PatientId, ct);
        };
}
