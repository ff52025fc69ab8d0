using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientExperience.Core.Complaints;

namespace PatientExperience.Infrastructure.Data.Config;

/// <summary>
/// The dashboard's index on complaints (kept apart from <see cref="ComplaintConfiguration"/>, which the complaints
/// feature owns; EF applies both). It covers every column the complaints section groups and counts by, in order of
/// receipt, so a period's figures are read from the index alone, never the wide rows with their letters.
/// </summary>
public sealed class ComplaintDashboardIndexConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.HasIndex(c => new
        {
            c.ReceivedAtUtc,
            c.Kind,
            c.CategoryId,
            c.Severity,
            c.DepartmentId,
            c.Status,
            c.ConcernedStaffMemberId,
            c.AcknowledgedAtUtc,
            c.AcknowledgeDueAtUtc,
            c.ResponseSentAtUtc,
            c.ResolvedAtUtc,
            c.ResponseDueAtUtc,
            c.AppointmentId,
        }).HasDatabaseName("IX_Complaints_Dashboard");

        // The unresolved complaints only (a few thousand however many were ever received): what the dashboard reads live
        // beside the complaint rollups — open, due soon and overdue now, and acknowledgements and responses due by now.
        builder.HasIndex(c => new
        {
            c.ReceivedAtUtc,
            c.Kind,
            c.CategoryId,
            c.Severity,
            c.DepartmentId,
            c.Status,
            c.ConcernedStaffMemberId,
            c.AcknowledgedAtUtc,
            c.AcknowledgeDueAtUtc,
            c.ResponseSentAtUtc,
            c.ResponseDueAtUtc,
            c.NextDueAtUtc,
            c.DueSoonAtUtc,
            c.AppointmentId,
        }).HasDatabaseName("IX_Complaints_Unresolved").HasFilter("\"ResolvedAtUtc\" IS NULL");
    }
}
