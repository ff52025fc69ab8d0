using PatientExperience.Core.ServiceRecovery;

namespace PatientExperience.Core.Complaints;

/// <summary>
/// Opens a complaint of kind "service recovery" for a survey response, on the caller's unit of work (no save).
/// Owner: the department's manager; deadline: the policy pack's acknowledgement clock. A response that already has
/// a case gets no second one; two callers racing are settled by the unique index on the response id, and the
/// loser's SaveChanges throws (see <see cref="IsDuplicateCase"/>).
/// </summary>
public sealed class ServiceRecoveryCases(
    IAppDbContext db,
    ComplaintPolicy policy,
    IComplaintStaffDirectory directory,
    ComplaintService complaints,
    ClinicClock clock) : IServiceRecoveryCases
{
    public const string CategoryName = "Other";

    public async Task OpenAsync(ServiceRecoveryRequest request, CancellationToken cancellationToken)
    {
        if (db.Tracked<Complaint>().Any(c => c.SurveyResponseId == request.SurveyResponseId)
            || await db.Complaints.AnyAsync(c => c.SurveyResponseId == request.SurveyResponseId, cancellationToken))
            return;
        var deadlines = await policy.DeadlinesForAsync(request.DepartmentId, request.AppointmentId, cancellationToken);
        var manager = await directory.DepartmentManagerAsync(request.DepartmentId, cancellationToken);
        var categoryId = await db.ComplaintCategories.Where(c => c.Name == CategoryName).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken)
            ?? await db.ComplaintCategories.OrderBy(c => c.SortOrder).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (categoryId is null)
            throw new InvalidOperationException("No complaint categories exist; the Complaints migration seeds them.");
        var now = clock.UtcNow;
        var reference = await complaints.NextReferenceAsync(deadlines.Calendar.LocalDate(now).Year, cancellationToken);
        var triggers = string.Join(", ", request.Triggers.Select(t => t.ToString()));
        var complaint = Complaint.ServiceRecovery(reference, request.PatientId, request.AppointmentId, request.DepartmentId, request.ClinicianId,
            manager?.Id, categoryId.Value, request.SurveyResponseId, request.MayContact, triggers, now, deadlines);
        db.Complaints.Add(complaint);
        db.Interactions.Add(new Interaction(request.PatientId, null, InteractionChannel.Web, InteractionKind.Complaint,
            $"Service recovery case {reference} opened from a survey answer", now));
    }

    /// <summary>Whether a failed save was the database refusing a second case for the same survey response.</summary>
    public static bool IsDuplicateCase(DbUpdateException exception) =>
        exception.InnerException?.Message is { } message
        && (message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) || message.Contains("duplicate", StringComparison.OrdinalIgnoreCase))
        && (message.Contains(nameof(Complaint.SurveyResponseId), StringComparison.Ordinal) || message.Contains("IX_Complaints_SurveyResponseId", StringComparison.Ordinal));
}
