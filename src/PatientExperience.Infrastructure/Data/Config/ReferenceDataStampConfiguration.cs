using PatientExperience.Core.Appointments;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class ReferenceDataStampConfiguration : IEntityTypeConfiguration<ReferenceDataStamp>
{
    public void Configure(EntityTypeBuilder<ReferenceDataStamp> builder)
    {
        // Appointments.BusyTimeReader writes these names in its SQL.
        builder.ToTable("ReferenceDataStamps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        // The one row exists from the start: a save that changes set-up updates it, and an update needs a row.
        builder.HasData(new ReferenceDataStamp(ReferenceDataStamp.RowId, 0));
    }
}
