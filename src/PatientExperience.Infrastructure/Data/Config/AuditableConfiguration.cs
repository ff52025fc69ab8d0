namespace PatientExperience.Infrastructure.Data.Config;

internal static class AuditableConfiguration
{
    public static void ConfigureAudit<T>(this EntityTypeBuilder<T> builder) where T : AuditableEntity
    {
        builder.Property(e => e.CreatedBy).HasMaxLength(SchemaLimits.UserIdLength);
        builder.Property(e => e.ModifiedBy).HasMaxLength(SchemaLimits.UserIdLength);
    }
}
