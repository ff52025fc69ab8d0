using PatientExperience.Core.Auditing;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(SchemaLimits.UserIdLength);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.EntityType).HasMaxLength(SchemaLimits.EntityTypeLength).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(SchemaLimits.EntityIdLength);
        builder.HasIndex(a => new { a.PatientId, a.OccurredAtUtc });
        builder.HasIndex(a => new { a.UserId, a.OccurredAtUtc });
        builder.HasIndex(a => a.OccurredAtUtc);
        // The admin audit search will filter by API client (issue 20).
        builder.HasIndex(a => new { a.ApiClientId, a.OccurredAtUtc });
    }
}
