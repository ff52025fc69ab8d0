using PatientExperience.Core.Appointments;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class CallBackRequestConfiguration : IEntityTypeConfiguration<CallBackRequest>
{
    public void Configure(EntityTypeBuilder<CallBackRequest> builder)
    {
        builder.ToTable("CallBackRequests");
        builder.ConfigureAudit();
        builder.HasOne(c => c.Patient).WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Appointment).WithMany().HasForeignKey(c => c.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        // The desk's list: the open ones, oldest first.
        builder.HasIndex(c => new { c.DoneAtUtc, c.RequestedAtUtc });
    }
}
