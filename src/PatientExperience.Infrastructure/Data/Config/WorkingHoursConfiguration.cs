using PatientExperience.Core.Staff;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class WorkingHoursConfiguration : IEntityTypeConfiguration<WorkingHours>
{
    public void Configure(EntityTypeBuilder<WorkingHours> builder)
    {
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(w => w.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.StaffMemberId, w.Day, w.Start }).IsUnique();
    }
}
