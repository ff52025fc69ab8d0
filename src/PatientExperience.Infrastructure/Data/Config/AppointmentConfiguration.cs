using PatientExperience.Core.Appointments;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ConfigureAudit();
        builder.Ignore(a => a.IsActive);
        builder.Ignore(a => a.WaitMinutes);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.BookedVia).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.CalendarUid).HasMaxLength(100).IsRequired();
        builder.Property(a => a.CancellationReason).HasMaxLength(Appointment.ReasonLength);
        builder.HasOne(a => a.Patient).WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Clinician).WithMany().HasForeignKey(a => a.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Service).WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CalendarUid).IsUnique();
        // Slot search: one clinician's appointments in a time window.
        builder.HasIndex(a => new { a.ClinicianId, a.BlockStartUtc });
        builder.HasIndex(a => new { a.PatientId, a.StartUtc });
        // The dashboard's rollups are rebuilt by ranges of days.
        builder.HasIndex(a => a.StartUtc);
        // Reminder sweep: booked, unsent, due.
        builder.HasIndex(a => new { a.Status, a.ReminderSentAtUtc, a.ReminderDueAtUtc });
        builder.Property(a => a.CheckInTokenHash).HasMaxLength(Core.Common.OneTimeToken.HashLength);
        // The check-in link is found by its hash; a hash is unique (or null before the link goes).
        builder.HasIndex(a => a.CheckInTokenHash).IsUnique();
    }
}
