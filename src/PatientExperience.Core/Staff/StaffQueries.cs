namespace PatientExperience.Core.Staff;

/// <summary>Reads of staff for the home pages and the front desk's filters. Reads only; edits go through the staff admin pages' services.</summary>
public sealed class StaffQueries(IAppDbContext db)
{
    public async Task<StaffCounts> CountsAsync(CancellationToken cancellationToken) => new(
        await db.StaffMembers.CountAsync(s => s.IsActive, cancellationToken),
        await db.StaffMembers.CountAsync(s => !s.IsActive, cancellationToken),
        await db.StaffMembers.CountAsync(s => s.IsActive && s.IsClinician, cancellationToken));

    /// <summary>Every active clinician by surname, each with their department's name (where a list names the department, not the job).</summary>
    public async Task<IReadOnlyList<Appointments.ClinicianChoice>> ActiveCliniciansAsync(CancellationToken cancellationToken) =>
        await db.StaffMembers.AsNoTracking().Where(s => s.IsClinician && s.IsActive)
            .OrderBy(s => s.LastName).Select(s => new Appointments.ClinicianChoice(s.Id, s.FirstName + " " + s.LastName, s.Department!.Name)).ToListAsync(cancellationToken);

    /// <summary>
    /// Active clinicians by surname, of one department and of one site when given (the desk's filters): its own, and
    /// those visiting it (hours worked there, <see cref="WorkingHours.DepartmentId"/>), so a site's desk can pick the
    /// doctor who comes on Saturdays.
    /// </summary>
    public async Task<IReadOnlyList<NamedChoice>> CliniciansAsync(int? departmentId, int? siteId, CancellationToken cancellationToken) =>
        await db.StaffMembers.AsNoTracking()
            .Where(s => s.IsClinician && s.IsActive
                && (departmentId == null || s.DepartmentId == departmentId
                    || db.WorkingHours.Any(w => w.StaffMemberId == s.Id && w.DepartmentId == departmentId))
                && (siteId == null || s.Department!.SiteId == siteId
                    || db.WorkingHours.Any(w => w.StaffMemberId == s.Id && db.Departments.Any(d => d.Id == w.DepartmentId && d.SiteId == siteId))))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new NamedChoice(s.Id, s.FirstName + " " + s.LastName))
            .ToListAsync(cancellationToken);

    /// <summary>Every active staff member by surname, each with their job ("Ana Silva (Nurse)"): whom a complaint may concern.</summary>
    public async Task<IReadOnlyList<NamedChoice>> ActiveWithJobsAsync(CancellationToken cancellationToken) =>
        await db.StaffMembers.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new NamedChoice(s.Id, s.FirstName + " " + s.LastName + " (" + s.JobTitle + ")"))
            .ToListAsync(cancellationToken);
}
