using PatientExperience.Infrastructure.Forms;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> builder)
    {
        builder.ToTable("FormSubmissions");
        // The primary key is what decides a race between two copies of one form.
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).ValueGeneratedNever();
        builder.Property(s => s.UserId).HasMaxLength(SchemaLimits.UserIdLength);
        builder.Property(s => s.ResultUrl).HasMaxLength(FormSubmission.ResultUrlLength);
        // For the daily sweep.
        builder.HasIndex(s => s.CreatedAtUtc);
    }
}
