using PatientExperience.Core.Sites;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ConfigureAudit();
        builder.Property(s => s.Name).HasMaxLength(SchemaLimits.NameLength).IsRequired();
        builder.Property(s => s.Address).HasMaxLength(SchemaLimits.AddressLength);
        builder.Property(s => s.Phone).HasMaxLength(SchemaLimits.PhoneLength);
        builder.Property(s => s.Directions).HasMaxLength(SchemaLimits.DescriptionLength);
        builder.Property(s => s.WhatToBring).HasMaxLength(SchemaLimits.DescriptionLength);
        builder.Property(s => s.TimeZone).HasMaxLength(SchemaLimits.TimeZoneLength).IsRequired();
        builder.Property(s => s.ComplaintPolicyPack).HasMaxLength(32);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasMany(s => s.OpeningHours).WithOne().HasForeignKey(h => h.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.OpeningHours).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
