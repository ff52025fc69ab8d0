using PatientExperience.Core.Dashboards;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class AppointmentRollupConfiguration : IEntityTypeConfiguration<AppointmentRollup>
{
    public void Configure(EntityTypeBuilder<AppointmentRollup> builder)
    {
        // Every dashboard read is "this grain, this service (or all), a range of starts": the key serves it.
        // Derived data, so no foreign keys to slow the rebuilds.
        builder.HasKey(r => new { r.Grain, r.ServiceId, r.Start, r.ClinicianId, r.DepartmentId });
        builder.Property(r => r.WaitHistogram).IsRequired();
    }
}
