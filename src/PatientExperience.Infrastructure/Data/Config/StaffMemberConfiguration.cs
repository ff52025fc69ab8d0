using PatientExperience.Core.Staff;
using PatientExperience.Infrastructure.Identity;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ConfigureAudit();
        builder.Ignore(s => s.FullName);
        builder.Property(s => s.UserId).HasMaxLength(SchemaLimits.UserIdLength).IsRequired();
        builder.Property(s => s.FirstName).HasMaxLength(SchemaLimits.NameLength).IsRequired();
        builder.Property(s => s.LastName).HasMaxLength(SchemaLimits.NameLength).IsRequired();
        builder.Property(s => s.Email).HasMaxLength(SchemaLimits.EmailLength).IsRequired();
        builder.Property(s => s.JobTitle).HasMaxLength(SchemaLimits.ShortTextLength).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Department).WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.UserId).IsUnique();
        builder.HasIndex(s => s.Email).IsUnique();
    }
}
