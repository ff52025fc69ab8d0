using PatientExperience.Core.Departments;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.Property(r => r.Comment).HasMaxLength(SurveyResponse.CommentLength);
        builder.Property(r => r.CommentThemes).HasMaxLength(SurveyResponse.ThemesLength);
        builder.Property(r => r.CommentSentiment).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Triggers).HasMaxLength(SurveyResponse.TriggersLength).IsRequired();
        builder.Property(r => r.Language).HasMaxLength(SchemaLimits.LanguageLength);
        builder.Ignore(r => r.TriggerList);
        builder.Ignore(r => r.ThemeList);
        // Single use, backed by the database: a second answer to one invitation is refused.
        builder.HasIndex(r => r.InvitationId).IsUnique();
        // Dashboards slice by these without joining through appointments.
        builder.HasIndex(r => new { r.DepartmentId, r.VisitStartUtc });
        builder.HasIndex(r => new { r.ClinicianId, r.VisitStartUtc });
        builder.HasIndex(r => new { r.ServiceId, r.VisitStartUtc });
        builder.HasIndex(r => r.RespondedAtUtc);
        builder.HasIndex(r => r.PatientId);
        builder.HasOne<SurveyInvitation>().WithMany().HasForeignKey(r => r.InvitationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(r => r.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QuestionnaireVersion>().WithMany().HasForeignKey(r => r.QuestionnaireVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicService>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}
