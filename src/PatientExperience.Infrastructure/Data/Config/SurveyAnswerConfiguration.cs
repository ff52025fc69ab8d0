using PatientExperience.Core.Surveys;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.Property(a => a.QuestionKey).HasMaxLength(SurveyQuestion.KeyLength).IsRequired();
        builder.Property(a => a.Dimension).HasMaxLength(QuestionnaireCatalog.DimensionLength).IsRequired();
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.ResponseId, a.QuestionKey }).IsUnique();
        builder.HasIndex(a => new { a.QuestionKey, a.IsValid });
    }
}
