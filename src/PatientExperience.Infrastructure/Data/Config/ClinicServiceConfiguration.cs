using PatientExperience.Core.Departments;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class ClinicServiceConfiguration : IEntityTypeConfiguration<ClinicService>
{
    public void Configure(EntityTypeBuilder<ClinicService> builder)
    {
        builder.ConfigureAudit();
        builder.Property(s => s.Name).HasMaxLength(SchemaLimits.NameLength).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(SchemaLimits.DescriptionLength);
        builder.HasOne(s => s.Department).WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.DepartmentId, s.Name }).IsUnique();
    }
}
