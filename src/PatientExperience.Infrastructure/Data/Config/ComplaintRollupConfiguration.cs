using PatientExperience.Core.Dashboards;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class ComplaintRollupConfiguration : IEntityTypeConfiguration<ComplaintRollup>
{
    public void Configure(EntityTypeBuilder<ComplaintRollup> builder)
    {
        // Every dashboard read is "this grain, this service (or all), a range of starts": the key serves it, and makes
        // a second row for the same cell impossible. Derived data, so no foreign keys.
        builder.HasKey(r => new { r.Grain, r.ServiceId, r.Start, r.DepartmentId, r.ClinicianId, r.CategoryId, r.Severity, r.Kind });
        builder.Property(r => r.Statuses).IsRequired();
        builder.Property(r => r.DaysToResolve).IsRequired();
        builder.Property(r => r.Severities).IsRequired();
    }
}
