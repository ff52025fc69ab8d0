namespace PatientExperience.Core.Departments;

/// <summary>Admin set-up of departments and the services they offer.</summary>
public sealed class DepartmentCatalog(IAppDbContext db, IValidator<SaveDepartment> departmentValidator, IValidator<SaveClinicService> serviceValidator,
    Localization.NameTranslationCatalog translations)
{
    public async Task<IReadOnlyList<DepartmentListItem>> ListDepartmentsAsync(CancellationToken cancellationToken) =>
        await db.Departments.AsNoTracking()
            .OrderBy(d => d.Name).ThenBy(d => d.Site!.Name)
            .Select(d => new DepartmentListItem(d.Id, d.Name, d.Phone, d.IsActive,
                db.ClinicServices.Count(s => s.DepartmentId == d.Id && s.IsActive),
                db.StaffMembers.Count(s => s.DepartmentId == d.Id && s.IsActive), d.Site!.Name))
            .ToListAsync(cancellationToken);

    /// <param name="siteId">Only that site's departments (a staff page narrowed to one site); every site's for null, where
    /// a name two sites share carries its site (<see cref="DepartmentLabels"/>).</param>
    public async Task<IReadOnlyList<(int Id, string Name)>> ActiveDepartmentChoicesAsync(CancellationToken cancellationToken, int? siteId = null) =>
        DepartmentLabels.Label(await db.Departments.AsNoTracking().Where(d => d.IsActive && (siteId == null || d.SiteId == siteId))
                .OrderBy(d => d.Name).ThenBy(d => d.Site!.Name)
                .Select(d => new SitedDepartment(d.Id, d.Name, d.Site!.Name)).ToListAsync(cancellationToken))
            .Select(d => (d.Id, d.Name)).ToList();

    public Task<Department?> FindDepartmentAsync(int id, CancellationToken cancellationToken) =>
        db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public async Task<Result<int>> SaveDepartmentAsync(int? id, SaveDepartment request, CancellationToken cancellationToken)
    {
        var validation = await departmentValidator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
            return Result<int>.Invalid(validation.ToErrors());
        var name = request.Name!.Trim();
        // No site chosen: the group's first (a single-site clinic's form has no choice).
        var siteId = request.SiteId ?? await db.Sites.Where(s => s.IsActive).OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (siteId is null || !await db.Sites.AnyAsync(s => s.Id == siteId && s.IsActive, cancellationToken))
            return Result<int>.Invalid(new ValidationError(nameof(SaveDepartment.SiteId), "Choose a site from the list."));
        const string duplicate = "A department with this name already exists.";
        if (await db.Departments.AnyAsync(d => d.SiteId == siteId && d.Name == name && d.Id != id, cancellationToken))
            return Result<int>.Invalid(new ValidationError(nameof(SaveDepartment.Name), duplicate));

        Department? department;
        if (id is null)
        {
            department = new Department(name, request.Description, request.Phone, siteId.Value);
            db.Departments.Add(department);
        }
        else
        {
            department = await db.Departments.AsTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
            if (department is null)
                return Result<int>.NotFound();
            // A reworded name or text keeps its Spanish and Chinese versions.
            await translations.CarryOverAsync(department.Name, name, cancellationToken);
            await translations.CarryOverAsync(department.Directions, request.Directions?.Trim(), cancellationToken);
            await translations.CarryOverAsync(department.WhatToBring, request.WhatToBring?.Trim(), cancellationToken);
            department.Update(name, request.Description, request.Phone);
            department.MoveToSite(siteId.Value);
        }
        department.SetVisitInfo(request.Address, request.Directions, request.WhatToBring);
        return await SaveUniqueAsync(department, nameof(SaveDepartment.Name), duplicate, cancellationToken);
    }

    public Task<Result> SetDepartmentActiveAsync(int id, bool active, CancellationToken cancellationToken) =>
        SetActiveAsync(db.Departments.AsTracking().Where(d => d.Id == id), active, cancellationToken);

    public async Task<IReadOnlyList<ServiceListItem>> ListServicesAsync(CancellationToken cancellationToken) =>
        await db.ClinicServices.AsNoTracking()
            .OrderBy(s => s.Department!.Name).ThenBy(s => s.Name)
            .Select(s => new ServiceListItem(s.Id, s.Name, s.Department!.Name, s.DurationMinutes, s.IsActive))
            .ToListAsync(cancellationToken);

    public Task<ClinicService?> FindServiceAsync(int id, CancellationToken cancellationToken) =>
        db.ClinicServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<Result<int>> SaveServiceAsync(int? id, SaveClinicService request, CancellationToken cancellationToken)
    {
        var validation = await serviceValidator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
            return Result<int>.Invalid(validation.ToErrors());
        if (!await db.Departments.AnyAsync(d => d.Id == request.DepartmentId && d.IsActive, cancellationToken))
            return Result<int>.Invalid(new ValidationError(nameof(SaveClinicService.DepartmentId), "Choose a department from the list."));
        var name = request.Name!.Trim();
        const string duplicate = "This department already offers a service with this name.";
        if (await db.ClinicServices.AnyAsync(s => s.DepartmentId == request.DepartmentId && s.Name == name && s.Id != id, cancellationToken))
            return Result<int>.Invalid(new ValidationError(nameof(SaveClinicService.Name), duplicate));

        ClinicService? service;
        if (id is null)
        {
            service = new ClinicService(request.DepartmentId!.Value, name, request.DurationMinutes!.Value, request.Description);
            service.SetBuffers(request.BufferBeforeMinutes, request.BufferAfterMinutes);
            db.ClinicServices.Add(service);
        }
        else
        {
            service = await db.ClinicServices.AsTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (service is null)
                return Result<int>.NotFound();
            await translations.CarryOverAsync(service.Name, name, cancellationToken);
            service.Update(request.DepartmentId!.Value, name, request.DurationMinutes!.Value, request.Description);
            service.SetBuffers(request.BufferBeforeMinutes, request.BufferAfterMinutes);
        }
        return await SaveUniqueAsync(service, nameof(SaveClinicService.Name), duplicate, cancellationToken);
    }

    public Task<Result> SetServiceActiveAsync(int id, bool active, CancellationToken cancellationToken) =>
        SetActiveAsync(db.ClinicServices.AsTracking().Where(s => s.Id == id), active, cancellationToken);

    private async Task<Result> SetActiveAsync<T>(IQueryable<T> match, bool active, CancellationToken cancellationToken) where T : class, IActivatable
    {
        var entity = await match.FirstOrDefaultAsync(cancellationToken);
        if (entity is null)
            return Result.NotFound();
        entity.SetActive(active);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>The unique index decides a race between two admins; the loser gets the field message.</summary>
    private async Task<Result<int>> SaveUniqueAsync(AuditableEntity entity, string field, string duplicateMessage, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result<int>.Success(entity.Id);
        }
        catch (DbUpdateException)
        {
            return Result<int>.Invalid(new ValidationError(field, duplicateMessage));
        }
    }
}
