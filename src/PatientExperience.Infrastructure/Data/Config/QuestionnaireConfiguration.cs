using PatientExperience.Core.Departments;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> builder)
    {
        builder.ConfigureAudit();
        builder.Property(q => q.Name).HasMaxLength(Questionnaire.NameLength).IsRequired();
        builder.Property(q => q.DraftJson).IsRequired();
        builder.Ignore(q => q.Draft);
        builder.HasOne<Department>().WithMany().HasForeignKey(q => q.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicService>().WithMany().HasForeignKey(q => q.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

