namespace PatientExperience.Core.Complaints;

/// <summary>The staff queues and the patient's own list. Reads only; no tracking.</summary>
public sealed class ComplaintQueries(IAppDbContext db, ClinicClock clock)
{
    public const int PageSize = 100;

    public async Task<(IReadOnlyList<ComplaintRow> Rows, int Total)> QueueAsync(ComplaintQueue queue, int? staffId, int? take, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var query = db.Complaints.AsNoTracking();
        int? departmentId = staffId is { } s ? await db.StaffMembers.Where(x => x.Id == s).Select(x => x.DepartmentId).FirstOrDefaultAsync(cancellationToken) : null;
        query = InQueue(query, queue, staffId, departmentId, now);
        var total = await query.CountAsync(cancellationToken);
        if (take == 0)
            return ([], total);
        var rows = await Rows(query, db.Appointments, queue, take).ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>The complaints of one queue; <paramref name="departmentId"/> is the staff member's department.</summary>
    public static IQueryable<Complaint> InQueue(IQueryable<Complaint> query, ComplaintQueue queue, int? staffId, int? departmentId, DateTime now) =>
        queue switch
        {
            ComplaintQueue.Mine => query.Where(c => c.OwnerId == staffId && c.Status != ComplaintStatus.Closed && c.Status != ComplaintStatus.Resolved),
            ComplaintQueue.Department => query.Where(c => departmentId != null && c.DepartmentId == departmentId && c.Status != ComplaintStatus.Closed && c.Status != ComplaintStatus.Resolved),
            ComplaintQueue.Unassigned => query.Where(c => c.OwnerId == null && c.Status != ComplaintStatus.Closed && c.Status != ComplaintStatus.Resolved),
            ComplaintQueue.DueSoon => query.Where(c => c.NextDueAtUtc != null && c.DueSoonAtUtc <= now && c.NextDueAtUtc > now),
            ComplaintQueue.Overdue => query.Where(c => c.NextDueAtUtc != null && c.NextDueAtUtc <= now),
            ComplaintQueue.Finished => query.Where(c => c.Status == ComplaintStatus.Closed || c.Status == ComplaintStatus.Resolved),
            _ => query.Where(c => c.Status != ComplaintStatus.Closed && c.Status != ComplaintStatus.Resolved),
        };

    /// <summary>A queue's rows in the order staff work them (the finished ones latest first), at most <paramref name="take"/>.</summary>
    /// <param name="appointments">Where a complaint about a visit finds its site's zone (<c>db.Appointments</c>).</param>
    public static IQueryable<ComplaintRow> Rows(IQueryable<Complaint> query, IQueryable<Appointments.Appointment> appointments, ComplaintQueue queue, int? take)
    {
        var ordered = queue == ComplaintQueue.Finished
            ? query.OrderByDescending(c => c.ResolvedAtUtc).ThenByDescending(c => c.Id)
            : query.OrderBy(c => c.NextDueAtUtc == null).ThenBy(c => c.NextDueAtUtc).ThenBy(c => c.Id);
        return Project(take is { } t ? ordered.Take(t) : ordered, appointments);
    }

    public async Task<IReadOnlyList<ComplaintRow>> ForPatientAsync(int patientId, CancellationToken cancellationToken) =>
        await Project(db.Complaints.AsNoTracking().Where(c => c.PatientId == patientId && c.Kind == ComplaintKind.Complaint).OrderByDescending(c => c.ReceivedAtUtc), db.Appointments)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ComplaintRow>> ForPatientRecordAsync(int patientId, CancellationToken cancellationToken) =>
        await Project(db.Complaints.AsNoTracking().Where(c => c.PatientId == patientId).OrderByDescending(c => c.ReceivedAtUtc), db.Appointments).ToListAsync(cancellationToken);

    /// <summary>The patient's own complaint with what they may read of it (the steps shared with the complainant), or none.</summary>
    public async Task<ComplaintForPatient?> OwnAsync(int id, int patientId, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Category)
            .FirstOrDefaultAsync(c => c.Id == id && c.PatientId == patientId && c.Kind == ComplaintKind.Complaint, cancellationToken);
        if (complaint is null)
            return null;
        var messages = await db.ComplaintEvents.AsNoTracking()
            .Where(e => e.ComplaintId == id && e.Visibility == ComplaintVisibility.Complainant)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return new ComplaintForPatient(complaint, messages);
    }

    /// <summary>The patient's own complaint once its response letter is sent (with the patient and the owner who signs it), or none.</summary>
    public Task<Complaint?> OwnAnsweredAsync(int id, int patientId, CancellationToken cancellationToken) =>
        db.Complaints.AsNoTracking().Include(c => c.Patient).Include(c => c.Owner)
            .FirstOrDefaultAsync(c => c.Id == id && c.PatientId == patientId && c.ResponseSentAtUtc != null, cancellationToken);

    /// <summary>One complaint with everything its staff case page and letters show, or none.</summary>
    public Task<Complaint?> CaseAsync(int id, CancellationToken cancellationToken) =>
        db.Complaints.AsNoTracking()
            .Include(c => c.Patient).Include(c => c.Category).Include(c => c.Department).Include(c => c.Owner).Include(c => c.ConcernedStaffMember)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>A complaint's timeline, oldest first, each step with the name of the staff member who took it.</summary>
    public async Task<IReadOnlyList<ComplaintEventRow>> EventsAsync(int id, CancellationToken cancellationToken) =>
        await db.ComplaintEvents.AsNoTracking().Where(e => e.ComplaintId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new ComplaintEventRow(e, e.StaffMember != null ? e.StaffMember.FirstName + " " + e.StaffMember.LastName : null))
            .ToListAsync(cancellationToken);

    /// <summary>The visit a complaint is about, or none.</summary>
    public Task<ComplaintVisit?> VisitAsync(int appointmentId, CancellationToken cancellationToken) =>
        db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId)
            .Select(a => new ComplaintVisit(a.StartUtc, a.Service!.Name, a.Service.Department!.Site!.TimeZone))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The categories a new complaint may be filed under, in the order admins set.</summary>
    public async Task<IReadOnlyList<NamedChoice>> ActiveCategoriesAsync(CancellationToken cancellationToken) =>
        await db.ComplaintCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new NamedChoice(c.Id, c.Name)).ToListAsync(cancellationToken);

    /// <summary>The rows with their site's zone: the department's site, else the visit's (as <see cref="ComplaintPolicy.SiteOfAsync"/> finds it).</summary>
    private static IQueryable<ComplaintRow> Project(IQueryable<Complaint> query, IQueryable<Appointments.Appointment> appointments) =>
        query.Select(c => new ComplaintRow(c.Id, c.Reference, c.Kind, c.Status, c.Severity, c.Category!.Name,
            c.Department != null ? c.Department.Name : null,
            c.Owner != null ? c.Owner.FirstName + " " + c.Owner.LastName : null,
            c.Patient != null ? c.Patient.FirstName + " " + c.Patient.LastName : c.ComplainantName ?? "",
            c.ReceivedAtUtc, c.NextDueAtUtc, c.DueSoonAtUtc, c.ResolvedAtFirstContact, c.ResolvedAtUtc, c.ResponseDueAtUtc,
            c.Department != null ? c.Department.Site!.TimeZone
                : appointments.Where(a => a.Id == c.AppointmentId).Select(a => a.Service!.Department!.Site!.TimeZone).FirstOrDefault()));
}
