using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;
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

public sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> builder)
    {
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.ReminderSkipped).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.TokenHash).HasMaxLength(OneTimeToken.HashLength);
        builder.Property(i => i.ReminderTokenHash).HasMaxLength(OneTimeToken.HashLength);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.ReminderTokenHash).IsUnique();
        builder.Property(i => i.TextTokenHash).HasMaxLength(OneTimeToken.HashLength);
        builder.HasIndex(i => i.TextTokenHash).IsUnique();
        // One invitation per visit, decided by the database.
        builder.HasIndex(i => i.AppointmentId).IsUnique();
        builder.HasIndex(i => new { i.PatientId, i.CompletedAtUtc });
        builder.HasIndex(i => new { i.Status, i.SendAfterUtc });
        builder.HasOne<Patient>().WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(i => i.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.QuestionnaireVersion).WithMany().HasForeignKey(i => i.QuestionnaireVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(i => i.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicService>().WithMany().HasForeignKey(i => i.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

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

public sealed class PraiseConfiguration : IEntityTypeConfiguration<Praise>
{
    public void Configure(EntityTypeBuilder<Praise> builder)
    {
        builder.Property(p => p.Excerpt).HasMaxLength(Praise.ExcerptLength).IsRequired();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(p => p.SurveyResponse).WithMany().HasForeignKey(p => p.SurveyResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        // One praise per person per answer: a second save of the same answer cannot add it twice.
        builder.HasIndex(p => new { p.SurveyResponseId, p.StaffMemberId }).IsUnique();
        builder.HasIndex(p => new { p.Status, p.OfferedToStaffId });
        builder.HasIndex(p => new { p.StaffMemberId, p.Status, p.ReceivedAtUtc });
        builder.HasIndex(p => new { p.DepartmentId, p.ReceivedAtUtc });
    }
}
