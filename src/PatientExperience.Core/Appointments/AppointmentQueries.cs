using PatientExperience.Core.Departments;

namespace PatientExperience.Core.Appointments;

/// <summary>
/// What appointment pages read: a patient's own visits as rows, each with its place, and one visit of theirs; and for
/// staff (the front desk) a patient's visits to come and any one visit. Reads only, no tracking. Whether a visit may still be changed is <see cref="Appointment.PatientMayChange(AppointmentStatus, DateTime, DateTime, TimeSpan)"/>.
/// </summary>
public sealed class AppointmentQueries(IAppDbContext db, DepartmentQueries departments, ClinicClock clock, IOptions<BookingOptions> booking)
{
    /// <summary>Every visit of the patient, in no particular order.</summary>
    public Task<List<AppointmentRow>> OfPatientAsync(int patientId, CancellationToken cancellationToken) =>
        RowsAsync(db.Appointments.Where(a => a.PatientId == patientId), cancellationToken);

    /// <summary>One visit, if it is the patient's.</summary>
    public async Task<AppointmentRow?> OwnRowAsync(int id, int? patientId, CancellationToken cancellationToken) =>
        (await RowsAsync(db.Appointments.Where(a => a.Id == id && a.PatientId == patientId), cancellationToken)).FirstOrDefault();

    /// <summary>One visit itself, if it is the patient's.</summary>
    public Task<Appointment?> OwnAsync(int id, int? patientId, CancellationToken cancellationToken) =>
        db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.PatientId == patientId, cancellationToken);

    /// <summary>A patient's booked visits still to come, the soonest first (the front desk's caller screen).</summary>
    public async Task<List<AppointmentRow>> UpcomingOfPatientAsync(int patientId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var rows = await RowsAsync(db.Appointments.Where(a => a.PatientId == patientId && a.StartUtc >= now && a.Status == AppointmentStatus.Booked), cancellationToken);
        return [.. rows.OrderBy(r => r.StartUtc)];
    }

    /// <summary>One visit, whoever's (staff pages, which audit the look themselves).</summary>
    public async Task<AppointmentRow?> RowAsync(int id, CancellationToken cancellationToken) =>
        (await RowsAsync(db.Appointments.Where(a => a.Id == id), cancellationToken)).FirstOrDefault();

    /// <summary>One visit itself, whoever's (staff pages).</summary>
    public Task<Appointment?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>
    /// The first booked visit still to come, or none: the visit, its row and its place in two reads (the row's read,
    /// ordered and cut to one, carries the visit itself; then its place).
    /// </summary>
    public async Task<NextVisit?> NextAsync(int patientId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var visits = await VisitsAsync(db.Appointments
            .Where(a => a.PatientId == patientId && a.Status == AppointmentStatus.Booked && a.StartUtc >= now)
            .OrderBy(a => a.StartUtc).Take(1), cancellationToken);
        return visits.FirstOrDefault();
    }

    /// <summary>The patient's visits from the last year that a complaint may be about (latest first, at most 20).</summary>
    public async Task<IReadOnlyList<RecentVisit>> RecentOfPatientAsync(int patientId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var since = now.AddYears(-1);
        return await db.Appointments.AsNoTracking().Where(a => a.PatientId == patientId && a.StartUtc >= since && a.StartUtc <= now)
            .OrderByDescending(a => a.StartUtc).Take(20)
            .Select(a => new RecentVisit(a.Id, a.StartUtc, a.Service!.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The department of the patient's visit (none when the visit is not theirs).</summary>
    public Task<int?> DepartmentOfOwnAsync(int id, int patientId, CancellationToken cancellationToken) =>
        db.Appointments.Where(x => x.Id == id && x.PatientId == patientId).Select(x => (int?)x.Service!.DepartmentId).FirstOrDefaultAsync(cancellationToken);

    private async Task<List<AppointmentRow>> RowsAsync(IQueryable<Appointment> query, CancellationToken cancellationToken) =>
        [.. (await VisitsAsync(query, cancellationToken)).Select(v => v.Row)];

    /// <summary>The one projection of a visit as the pages show it (the row, with its place), beside the visit itself.</summary>
    private async Task<List<NextVisit>> VisitsAsync(IQueryable<Appointment> query, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var cutoff = booking.Value.CancelCutoff;
        var rows = await query.AsNoTracking()
            .Select(a => new
            {
                Visit = a,
                Row = new AppointmentRow(a.Id, a.StartUtc, a.Service!.Name, a.Clinician!.FirstName + " " + a.Clinician.LastName, a.Service.Department!.Name,
                    a.Status, false, a.ServiceId, null),
                a.Service.DepartmentId,
            })
            .ToListAsync(cancellationToken);
        // A patient's visits are in a handful of departments: one small read each, through the one projection.
        var places = new Dictionary<int, VisitPlace>();
        foreach (var departmentId in rows.Select(r => r.DepartmentId).Distinct())
            places[departmentId] = (await departments.PlaceAsync(departmentId, cancellationToken))!;
        return [.. rows.Select(r => new NextVisit(r.Visit, r.Row with
        {
            Place = places[r.DepartmentId],
            MayChange = Appointment.PatientMayChange(r.Row.Status, r.Row.StartUtc, now, cutoff),
        }))];
    }
}
