using PatientExperience.Core.Appointments;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Infrastructure.Data.Config;

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
