namespace PatientExperience.Core.Departments;

/// <summary>
/// Reads of departments and services that pages need beside their own feature: names for filters and lists, a
/// department as a place, counts for the home pages. Reads only, no tracking. Edits go through <see cref="DepartmentCatalog"/>.
/// </summary>
public sealed class DepartmentQueries(IAppDbContext db)
{
    /// <summary>Every department (active or not, as past figures may name it), by name; a name two sites share carries its
    /// site (<see cref="DepartmentLabels"/>).</summary>
    public async Task<IReadOnlyList<NamedChoice>> NamesAsync(CancellationToken cancellationToken) =>
        DepartmentLabels.Label(await db.Departments.AsNoTracking().OrderBy(d => d.Name).ThenBy(d => d.Site!.Name)
            .Select(d => new SitedDepartment(d.Id, d.Name, d.Site!.Name)).ToListAsync(cancellationToken));

    /// <summary>Every service with its department, by name.</summary>
    public async Task<IReadOnlyList<ServiceName>> ServiceNamesAsync(CancellationToken cancellationToken) =>
        await db.ClinicServices.AsNoTracking().OrderBy(s => s.Name).Select(s => new ServiceName(s.Id, s.Name, s.DepartmentId)).ToListAsync(cancellationToken);

    /// <summary>A department as the place a patient goes to (through <see cref="VisitPlace.Of"/>), or none.</summary>
    public Task<VisitPlace?> PlaceAsync(int departmentId, CancellationToken cancellationToken) =>
        db.Departments.AsNoTracking().Where(d => d.Id == departmentId).Select(VisitPlace.Of).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Active departments and active services.</summary>
    public async Task<(int Departments, int Services)> ActiveCountsAsync(CancellationToken cancellationToken) =>
        (await db.Departments.CountAsync(d => d.IsActive, cancellationToken), await db.ClinicServices.CountAsync(s => s.IsActive, cancellationToken));
}
