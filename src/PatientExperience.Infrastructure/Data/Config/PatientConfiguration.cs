using PatientExperience.Core.Patients;
using PatientExperience.Infrastructure.Identity;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.ConfigureAudit();
        builder.Ignore(p => p.FullName);
        builder.Property(p => p.ReferenceNumber).HasMaxLength(SchemaLimits.ReferenceLength);
        builder.Property(p => p.FirstName).HasMaxLength(SchemaLimits.NameLength).IsRequired();
        builder.Property(p => p.LastName).HasMaxLength(SchemaLimits.NameLength).IsRequired();
        builder.Property(p => p.Phone).HasMaxLength(SchemaLimits.PhoneLength).IsRequired();
        builder.Property(p => p.PhoneDigits).HasMaxLength(SchemaLimits.PhoneLength).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(SchemaLimits.EmailLength);
        builder.Property(p => p.PreferredLanguage).HasMaxLength(SchemaLimits.LanguageLength).IsRequired();
        builder.Property(p => p.UserId).HasMaxLength(SchemaLimits.UserIdLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(p => p.ReferenceNumber).IsUnique();
        builder.HasIndex(p => p.UserId).IsUnique();
        // Front-desk search: by last name, by birth date, by phone digits.
        builder.HasIndex(p => new { p.LastName, p.FirstName });
        builder.HasIndex(p => p.DateOfBirth);
        builder.HasIndex(p => p.PhoneDigits);
        builder.HasIndex(p => p.Email);
    }
}
