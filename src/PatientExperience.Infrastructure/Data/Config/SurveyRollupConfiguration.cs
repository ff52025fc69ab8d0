using PatientExperience.Core.Dashboards;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class SurveyRollupConfiguration : IEntityTypeConfiguration<SurveyRollup>
{
    public void Configure(EntityTypeBuilder<SurveyRollup> builder)
    {
        // Every dashboard read is "this grain, this service (or all), a range of starts": the key serves it, and makes
        // a second row for the same cell impossible. Derived data, so no foreign keys.
        builder.HasKey(r => new { r.Grain, r.ServiceId, r.Start, r.ClinicianId, r.DepartmentId, r.QuestionKey });
        builder.Property(r => r.QuestionKey).HasMaxLength(SurveyRollup.KeyLength);
        builder.Property(r => r.Histogram).IsRequired();
    }
}
