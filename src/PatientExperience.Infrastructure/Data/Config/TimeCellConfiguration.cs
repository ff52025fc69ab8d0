using PatientExperience.Core.Appointments;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class TimeCellConfiguration : IEntityTypeConfiguration<TimeCell>
{
    public void Configure(EntityTypeBuilder<TimeCell> builder)
    {
        // The key is the no-double-booking rule: one owner, one cell, one appointment.
        builder.HasKey(c => new { c.Owner, c.CellStartUtc });
        builder.Property(c => c.Owner).HasMaxLength(24);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(c => c.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.AppointmentId);
        // A waitlist hold keeps the clinician's time the same way; its cells go when the hold ends.
        builder.HasOne<WaitlistOffer>().WithMany().HasForeignKey(c => c.HoldId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.HoldId);
        builder.ToTable(t => t.HasCheckConstraint("CK_TimeCells_AppointmentOrHold",
            "(\"AppointmentId\" IS NULL AND \"HoldId\" IS NOT NULL) OR (\"AppointmentId\" IS NOT NULL AND \"HoldId\" IS NULL)"));
    }
}
