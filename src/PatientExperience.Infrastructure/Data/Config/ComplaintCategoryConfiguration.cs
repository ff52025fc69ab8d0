using PatientExperience.Core.Complaints;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class ComplaintCategoryConfiguration : IEntityTypeConfiguration<ComplaintCategory>
{
    private static readonly DateTime Seeded = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public void Configure(EntityTypeBuilder<ComplaintCategory> builder)
    {
        builder.ConfigureAudit();
        builder.Property(c => c.Name).HasMaxLength(SchemaLimits.NameLength).IsRequired();
        builder.HasIndex(c => c.Name).IsUnique();
        // The categories every clinic starts with; admins rename, add and retire them.
        builder.HasData(ComplaintCategory.Defaults.Select((name, i) => new
        {
            Id = i + 1,
            Name = name,
            SortOrder = (i + 1) * 10,
            IsActive = true,
            CreatedAtUtc = Seeded,
        }));
    }
}
