using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Staff;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class ComplaintReferenceCounterConfiguration : IEntityTypeConfiguration<ComplaintReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ComplaintReferenceCounter> builder)
    {
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}
