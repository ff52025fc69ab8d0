using PatientExperience.Core.Departments;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ConfigureAudit();
        builder.Property(d => d.Name).HasMaxLength(SchemaLimits.NameLength).IsRequired();
        builder.Property(d => d.Description).HasMaxLength(SchemaLimits.DescriptionLength);
        builder.Property(d => d.Phone).HasMaxLength(SchemaLimits.PhoneLength);
        builder.Property(d => d.Address).HasMaxLength(SchemaLimits.AddressLength);
        builder.Property(d => d.Directions).HasMaxLength(SchemaLimits.DescriptionLength);
        builder.Property(d => d.WhatToBring).HasMaxLength(SchemaLimits.DescriptionLength);
        // Unique within a site: the same department at two sites is two departments (docs/architecture.md, "Sites").
        builder.HasIndex(d => new { d.SiteId, d.Name }).IsUnique();
        builder.HasOne(d => d.Site).WithMany().HasForeignKey(d => d.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}
