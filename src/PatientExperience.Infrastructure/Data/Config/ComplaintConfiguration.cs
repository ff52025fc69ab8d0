using PatientExperience.Core.Appointments;
using PatientExperience.Core.Complaints;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ConfigureAudit();
        builder.Property(c => c.Reference).HasMaxLength(SchemaLimits.ReferenceLength).IsRequired();
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Severity).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.ComplainantName).HasMaxLength(SchemaLimits.NameLength);
        builder.Property(c => c.ComplainantEmail).HasMaxLength(SchemaLimits.EmailLength);
        builder.Property(c => c.PostalAddress).HasMaxLength(Complaint.PostalAddressLength);
        builder.Property(c => c.ComplainantPhone).HasMaxLength(SchemaLimits.PhoneLength);
        builder.Property(c => c.WhatHappened).HasMaxLength(ComplaintService.MaxWhatHappened).IsRequired();
        builder.Property(c => c.OutcomeWanted).HasMaxLength(SchemaLimits.DescriptionLength);
        builder.Property(c => c.ResponseLookedInto).HasMaxLength(SchemaLimits.DescriptionLength * 2);
        builder.Property(c => c.ResponseFound).HasMaxLength(SchemaLimits.DescriptionLength * 2);
        builder.Property(c => c.ResponseWillChange).HasMaxLength(SchemaLimits.DescriptionLength * 2);
        builder.Property(c => c.ResponseContactName).HasMaxLength(SchemaLimits.NameLength);
        builder.Property(c => c.ResponseTakeItFurther).HasMaxLength(SchemaLimits.DescriptionLength * 2);
        builder.Property(c => c.RecoveryTriggers).HasMaxLength(SchemaLimits.ShortTextLength);
        builder.Property(c => c.Outcome).HasMaxLength(SchemaLimits.DescriptionLength);

        builder.HasOne(c => c.Patient).WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Category).WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Department).WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.ConcernedStaffMember).WithMany().HasForeignKey(c => c.ConcernedStaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(c => c.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field);

        // At most one service-recovery case per survey response. No foreign key: the survey tables live elsewhere.
        builder.HasIndex(c => c.SurveyResponseId).IsUnique().HasFilter("\"SurveyResponseId\" IS NOT NULL");
        // Queues and the escalation sweep.
        builder.HasIndex(c => new { c.NextDueAtUtc, c.EscalationLevel });
        builder.HasIndex(c => new { c.OwnerId, c.Status });
        builder.HasIndex(c => new { c.DepartmentId, c.Status });
        builder.HasIndex(c => new { c.PatientId, c.ReceivedAtUtc });
        builder.HasIndex(c => c.ReceivedAtUtc);
    }
}

