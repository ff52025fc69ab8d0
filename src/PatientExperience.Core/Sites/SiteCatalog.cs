namespace PatientExperience.Core.Sites;

/// <summary>Admin set-up of the group's sites (<c>/admin/sites</c>), and the sites patients choose from.</summary>
public sealed class SiteCatalog(IAppDbContext db, IValidator<SaveSite> validator, PhoneFormat phones, Localization.NameTranslationCatalog translations)
{
    public async Task<IReadOnlyList<SiteListItem>> ListAsync(CancellationToken cancellationToken) =>
        await db.Sites.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new SiteListItem(s.Id, s.Name, s.Phone, s.TimeZone, s.IsActive, db.Departments.Count(d => d.SiteId == s.Id && d.IsActive)))
            .ToListAsync(cancellationToken);

    /// <summary>Active sites with something bookable online, in name order: a patient chooses among them when there is more than one.</summary>
    public async Task<IReadOnlyList<SiteChoice>> BookableAsync(CancellationToken cancellationToken) =>
        await db.Sites.AsNoTracking()
            .Where(s => s.IsActive && db.ClinicServices.Any(c => c.IsActive && c.Department!.IsActive && c.Department.SiteId == s.Id))
            .OrderBy(s => s.Name)
            .Select(s => new SiteChoice(s.Id, s.Name, s.Address, s.TimeZone,
                s.OpeningHours.Select(h => new OpeningTime(h.Day, h.Opens, h.Closes)).ToList()))
            .ToListAsync(cancellationToken);

    /// <summary>Every active site, in name order: the staff pages' site switch.</summary>
    public async Task<IReadOnlyList<SiteChoice>> ActiveAsync(CancellationToken cancellationToken) =>
        await db.Sites.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name)
            .Select(s => new SiteChoice(s.Id, s.Name, s.Address, s.TimeZone))
            .ToListAsync(cancellationToken);

    /// <summary>The site a member of staff works at (their department's), if they have a department.</summary>
    public async Task<int?> SiteOfStaffAsync(int staffMemberId, CancellationToken cancellationToken) =>
        await db.StaffMembers.Where(s => s.Id == staffMemberId && s.DepartmentId != null).Select(s => (int?)s.Department!.SiteId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every active site, for the department form's choice.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ActiveChoicesAsync(CancellationToken cancellationToken) =>
        (await db.Sites.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
        .Select(s => (s.Id, s.Name)).ToList();

    public Task<Site?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Sites.AsNoTracking().Include(s => s.OpeningHours).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<Result<int>> SaveAsync(int? id, SaveSite request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
            return Result<int>.Invalid(validation.ToErrors());
        const string duplicate = "A site with this name already exists.";
        var name = request.Name!.Trim();
        if (await db.Sites.AnyAsync(s => s.Name == name && s.Id != id, cancellationToken))
            return Result<int>.Invalid(new ValidationError(nameof(SaveSite.Name), duplicate));
        var zone = request.TimeZone!.Trim();
        Site? site;
        if (id is null)
        {
            site = new Site(name, zone);
            db.Sites.Add(site);
        }
        else
        {
            site = await db.Sites.AsTracking().Include(s => s.OpeningHours).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (site is null)
                return Result<int>.NotFound();
            // A reworded name or text keeps its Spanish and Chinese versions.
            await translations.CarryOverAsync(site.Name, name, cancellationToken);
            await translations.CarryOverAsync(site.Directions, request.Directions?.Trim(), cancellationToken);
            await translations.CarryOverAsync(site.WhatToBring, request.WhatToBring?.Trim(), cancellationToken);
        }
        site.Update(name, request.Address, phones.ToE164(request.Phone), request.Directions, request.WhatToBring, zone);
        if (request.Hours is not null)
            site.SetOpeningHours(request.OpeningTimes());
        site.UsePolicyPack(string.IsNullOrWhiteSpace(request.PolicyPack) ? null : Complaints.PolicyPacks.Find(request.PolicyPack).Code);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result<int>.Success(site.Id);
        }
        catch (DbUpdateException)
        {
            return Result<int>.Invalid(new ValidationError(nameof(SaveSite.Name), duplicate));
        }
    }
}
