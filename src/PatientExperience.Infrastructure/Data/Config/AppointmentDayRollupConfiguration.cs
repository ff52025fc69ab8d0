using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientExperience.Core.Dashboards;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class AppointmentDayRollupConfiguration : IEntityTypeConfiguration<AppointmentDayRollup>
{
    public void Configure(EntityTypeBuilder<AppointmentDayRollup> builder)
    {
        // Day first: every dashboard query is a range of days. Derived data, so no foreign keys to slow the rebuilds.
        builder.HasKey(r => new { r.Day, r.ClinicianId, r.ServiceId });
        builder.Property(r => r.WaitHistogram).IsRequired();
    }
}
