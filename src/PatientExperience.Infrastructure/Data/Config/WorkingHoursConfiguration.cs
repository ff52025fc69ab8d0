using PatientExperience.Core.Departments;
using PatientExperience.Core.Staff;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class WorkingHoursConfiguration : IEntityTypeConfiguration<WorkingHours>
{
    public void Configure(EntityTypeBuilder<WorkingHours> builder)
    {
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(w => w.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        // Where the hours are worked (null: the clinician's own department). A department with hours worked in it is not deleted.
        builder.HasOne<Department>().WithMany().HasForeignKey(w => w.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => w.DepartmentId);
        builder.HasIndex(w => new { w.StaffMemberId, w.Day, w.Start }).IsUnique();
    }
}
