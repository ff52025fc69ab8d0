using PatientExperience.Core.Staff;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class PraiseConfiguration : IEntityTypeConfiguration<Praise>
{
    public void Configure(EntityTypeBuilder<Praise> builder)
    {
        builder.Property(p => p.Excerpt).HasMaxLength(Praise.ExcerptLength).IsRequired();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(p => p.SurveyResponse).WithMany().HasForeignKey(p => p.SurveyResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        // One praise per person per answer: a second save of the same answer cannot add it twice.
        builder.HasIndex(p => new { p.SurveyResponseId, p.StaffMemberId }).IsUnique();
        builder.HasIndex(p => new { p.Status, p.OfferedToStaffId });
        builder.HasIndex(p => new { p.StaffMemberId, p.Status, p.ReceivedAtUtc });
        builder.HasIndex(p => new { p.DepartmentId, p.ReceivedAtUtc });
    }
}
