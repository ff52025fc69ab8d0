using PatientExperience.Core.Complaints;

namespace PatientExperience.Infrastructure.Data.Config;

/// <summary>
/// The dashboard's indexes on complaints (kept apart from <see cref="ComplaintConfiguration"/>, which the complaints
/// feature owns; EF applies both). Everything fixed about a complaint comes from the complaint rollups; what depends on
/// the clock is read live along these partial indexes, each ordered by one deadline and holding only the complaints
/// that deadline still applies to. A query for "deadline passed" walks an index up to now, so it reads the overdue few
/// and never the open complaints whose deadlines are still ahead, however many there are.
/// </summary>
public sealed class ComplaintDashboardIndexConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        // Acknowledgement due by now but not given, and written response due by now but not sent: each ordered by its
        // deadline, then what the dashboard groups and filters them by (as the complaint rollups are keyed).
        string[] grouped =
        [
            nameof(Complaint.ReceivedAtUtc), nameof(Complaint.Kind), nameof(Complaint.CategoryId), nameof(Complaint.Severity),
            nameof(Complaint.DepartmentId), nameof(Complaint.ConcernedStaffMemberId), nameof(Complaint.AppointmentId),
        ];
        builder.HasIndex([nameof(Complaint.AcknowledgeDueAtUtc), .. grouped])
            .HasDatabaseName("IX_Complaints_AcknowledgementPending").HasFilter("\"AcknowledgedAtUtc\" IS NULL AND \"ResolvedAtUtc\" IS NULL");
        builder.HasIndex([nameof(Complaint.ResponseDueAtUtc), .. grouped])
            .HasDatabaseName("IX_Complaints_ResponsePending").HasFilter("\"ResponseSentAtUtc\" IS NULL AND \"ResolvedAtUtc\" IS NULL");

        // Overdue now: the next deadline (acknowledgement, then response) has passed.
        builder.HasIndex(c => new { c.NextDueAtUtc, c.Status, c.DepartmentId, c.ConcernedStaffMemberId, c.AppointmentId })
            .HasDatabaseName("IX_Complaints_Overdue").HasFilter("\"ResolvedAtUtc\" IS NULL");

        // Due soon now: the "due soon" moment has passed (the deadline itself is checked on the few found).
        builder.HasIndex(c => new { c.DueSoonAtUtc, c.NextDueAtUtc, c.Status, c.DepartmentId, c.ConcernedStaffMemberId, c.AppointmentId })
            .HasDatabaseName("IX_Complaints_DueSoon").HasFilter("\"ResolvedAtUtc\" IS NULL");
    }
}
