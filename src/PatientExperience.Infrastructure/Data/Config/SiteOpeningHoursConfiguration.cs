using PatientExperience.Core.Sites;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class SiteOpeningHoursConfiguration : IEntityTypeConfiguration<SiteOpeningHours>
{
    public void Configure(EntityTypeBuilder<SiteOpeningHours> builder) =>
        builder.HasIndex(h => new { h.SiteId, h.Day }).IsUnique();
}
