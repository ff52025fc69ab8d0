using PatientExperience.Infrastructure.RateLimiting;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> builder)
    {
        // DatabaseDialect.CountHitAsync writes these names in its SQL.
        builder.ToTable("RateLimitWindows");
        builder.HasKey(w => new { w.Key, w.WindowStartUtc });
        builder.Property(w => w.Key).HasMaxLength(RateLimitWindow.KeyLength).IsRequired();
    }
}
