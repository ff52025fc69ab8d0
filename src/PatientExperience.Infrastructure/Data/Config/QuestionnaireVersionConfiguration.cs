using PatientExperience.Core.Surveys;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class QuestionnaireVersionConfiguration : IEntityTypeConfiguration<QuestionnaireVersion>
{
    public void Configure(EntityTypeBuilder<QuestionnaireVersion> builder)
    {
        builder.Property(v => v.QuestionsJson).IsRequired();
        builder.Ignore(v => v.Questions);
        builder.HasOne(v => v.Questionnaire).WithMany().HasForeignKey(v => v.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        // Two managers publishing at once cannot both make version N.
        builder.HasIndex(v => new { v.QuestionnaireId, v.Number }).IsUnique();
    }
}
