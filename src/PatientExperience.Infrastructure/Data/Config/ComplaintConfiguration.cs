using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Staff;

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

public sealed class ComplaintEventConfiguration : IEntityTypeConfiguration<ComplaintEvent>
{
    public void Configure(EntityTypeBuilder<ComplaintEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Visibility).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Text).HasMaxLength(SchemaLimits.DescriptionLength * 2);
        builder.HasOne(e => e.StaffMember).WithMany().HasForeignKey(e => e.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(e => e.ToStaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ComplaintId, e.AtUtc });
    }
}

public sealed class ComplaintCategoryConfiguration : IEntityTypeConfiguration<ComplaintCategory>
{
    private static readonly DateTime Seeded = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public void Configure(EntityTypeBuilder<ComplaintCategory> builder)
    {
        builder.ConfigureAudit();
        builder.Property(c => c.Name).HasMaxLength(SchemaLimits.NameLength).IsRequired();
        builder.HasIndex(c => c.Name).IsUnique();
        // The categories every clinic starts with; admins rename, add and retire them.
        builder.HasData(ComplaintCategory.Defaults.Select((name, i) => new
        {
            Id = i + 1,
            Name = name,
            SortOrder = (i + 1) * 10,
            IsActive = true,
            CreatedAtUtc = Seeded,
        }));
    }
}

public sealed class ComplaintReferenceCounterConfiguration : IEntityTypeConfiguration<ComplaintReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ComplaintReferenceCounter> builder)
    {
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}

public sealed class ComplaintSettingsConfiguration : IEntityTypeConfiguration<ComplaintSettings>
{
    public void Configure(EntityTypeBuilder<ComplaintSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PolicyPack).HasMaxLength(32).IsRequired();
    }
}
