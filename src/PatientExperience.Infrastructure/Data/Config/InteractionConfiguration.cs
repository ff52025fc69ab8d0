using PatientExperience.Core.Interactions;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.ConfigureAudit();
        builder.Property(i => i.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Summary).HasMaxLength(SchemaLimits.SummaryLength).IsRequired();
        builder.Property(i => i.Template).HasMaxLength(TimelineSentence.TemplateLength);
        builder.Property(i => i.Arguments).HasMaxLength(TimelineSentence.ArgumentsLength);
        // Restrict both ways: patients and staff are deactivated, never deleted, and SQL Server
        // refuses two cascade paths into one table.
        builder.HasOne(i => i.Patient).WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.StaffMember).WithMany().HasForeignKey(i => i.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.PatientId, i.OccurredAtUtc });
    }
}
