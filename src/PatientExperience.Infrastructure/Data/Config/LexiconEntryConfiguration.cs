using PatientExperience.Core.Surveys;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class LexiconEntryConfiguration : IEntityTypeConfiguration<LexiconEntry>
{
    public void Configure(EntityTypeBuilder<LexiconEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Theme).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Term).HasMaxLength(LexiconEntry.TermLength).IsRequired();
        // Rows from before there were languages are English.
        builder.Property(e => e.Language).HasMaxLength(LexiconEntry.LanguageLength).IsRequired().HasDefaultValue("en");
        builder.HasIndex(e => new { e.Language, e.Kind, e.Term });
    }
}
