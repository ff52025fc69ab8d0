using PatientExperience.Core.Appointments;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> builder)
    {
        builder.ConfigureAudit();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicService>().WithMany().HasForeignKey(e => e.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(e => e.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        // Matching a freed time: waiting entries for a service, longest-waiting first.
        builder.HasIndex(e => new { e.ServiceId, e.Status, e.JoinedAtUtc });
        builder.HasIndex(e => new { e.PatientId, e.Status });
    }
}

