using PatientExperience.Core.Appointments;
using PatientExperience.Core.Staff;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class WaitlistOfferConfiguration : IEntityTypeConfiguration<WaitlistOffer>
{
    public void Configure(EntityTypeBuilder<WaitlistOffer> builder)
    {
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(o => o.TokenHash).IsUnique();
        builder.HasOne(o => o.Entry).WithMany().HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(o => o.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.ClinicianId, o.StartUtc });
        // One open hold per clinician and time, decided by the database: two instances (or a sweep and a cancellation)
        // offering the same freed time at once cannot both tell a patient "we are holding it for you".
        builder.HasIndex(o => new { o.ClinicianId, o.StartUtc }, "IX_WaitlistOffers_OneOpenHold").IsUnique().HasFilter("\"Status\" = 'Open'");
        builder.HasIndex(o => new { o.Status, o.ExpiresAtUtc });
    }
}
