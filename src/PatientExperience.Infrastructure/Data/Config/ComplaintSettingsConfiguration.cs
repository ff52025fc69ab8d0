using PatientExperience.Core.Complaints;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class ComplaintSettingsConfiguration : IEntityTypeConfiguration<ComplaintSettings>
{
    public void Configure(EntityTypeBuilder<ComplaintSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PolicyPack).HasMaxLength(32).IsRequired();
    }
}
