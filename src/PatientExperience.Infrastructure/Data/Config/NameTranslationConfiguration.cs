using PatientExperience.Core.Localization;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class NameTranslationConfiguration : IEntityTypeConfiguration<NameTranslation>
{
    public void Configure(EntityTypeBuilder<NameTranslation> builder)
    {
        builder.Property(t => t.SourceKey).HasMaxLength(NameTranslation.KeyLength).IsRequired();
        builder.Property(t => t.Source).HasMaxLength(SchemaLimits.DescriptionLength).IsRequired();
        builder.Property(t => t.Language).HasMaxLength(SchemaLimits.LanguageLength).IsRequired();
        builder.Property(t => t.Text).HasMaxLength(NameTranslation.TextLength).IsRequired();
        // One version of a text per language, decided by the database when two admins save at once.
        builder.HasIndex(t => new { t.Language, t.SourceKey }).IsUnique();
        builder.HasIndex(t => t.SourceKey);
    }
}
