using PatientExperience.Core.Sites;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class SiteOpeningHoursConfiguration : IEntityTypeConfiguration<SiteOpeningHours>
{
    /// <summary>A day may have two openings (closed for lunch between), each starting at its own time.</summary>
    public void Configure(EntityTypeBuilder<SiteOpeningHours> builder) =>
        builder.HasIndex(h => new { h.SiteId, h.Day, h.Opens }).IsUnique();
}
