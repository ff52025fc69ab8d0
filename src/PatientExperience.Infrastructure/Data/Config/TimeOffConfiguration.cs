using PatientExperience.Core.Appointments;
using PatientExperience.Core.Staff;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class TimeOffConfiguration : IEntityTypeConfiguration<TimeOff>
{
    public void Configure(EntityTypeBuilder<TimeOff> builder)
    {
        builder.ConfigureAudit();
        builder.Property(t => t.Reason).HasMaxLength(SchemaLimits.ShortTextLength).IsRequired();
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(t => t.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.StaffMemberId, t.From });
        // A site's own holidays; a site is deactivated, never deleted, while it has any.
        builder.HasOne<Core.Sites.Site>().WithMany().HasForeignKey(t => t.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.SiteId);
    }
}
