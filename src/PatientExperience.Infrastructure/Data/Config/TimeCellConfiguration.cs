using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
    }
}
