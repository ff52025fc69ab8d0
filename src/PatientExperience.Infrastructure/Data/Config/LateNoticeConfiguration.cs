using PatientExperience.Core.Appointments;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class LateNoticeConfiguration : IEntityTypeConfiguration<LateNotice>
{
    public void Configure(EntityTypeBuilder<LateNotice> builder)
    {
        builder.HasOne(n => n.Appointment).WithMany().HasForeignKey(n => n.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        // Once per visit and step: a second run or instance is refused here.
        builder.HasIndex(n => new { n.AppointmentId, n.Step }).IsUnique();
        builder.HasIndex(n => n.SentAtUtc);
    }
}
