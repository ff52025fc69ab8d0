using PatientExperience.Core.Complaints;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class ComplaintReferenceCounterConfiguration : IEntityTypeConfiguration<ComplaintReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ComplaintReferenceCounter> builder)
    {
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}
