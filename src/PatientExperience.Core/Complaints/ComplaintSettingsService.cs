namespace PatientExperience.Core.Complaints;

/// <summary>
/// The admin's complaint set-up: the group's policy pack and reopen window (one stored row, <see cref="ComplaintSettings"/>)
/// and the list of categories. Reading the stored row is <see cref="ComplaintPolicy.StoredAsync"/>.
/// </summary>
public sealed class ComplaintSettingsService(IAppDbContext db, ClinicClock clock)
{
    /// <summary>The field a category's messages belong to on the settings page.</summary>
    public const string NewCategoryField = "NewCategory";

    /// <summary>Saves the group's pack and reopen window (already checked by the page: a known pack, 0–365 days).</summary>
    public async Task SaveAsync(string policyPack, int reopenDays, CancellationToken cancellationToken)
    {
        var settings = await db.ComplaintSettings.AsTracking().FirstOrDefaultAsync(s => s.Id == ComplaintSettings.SingletonId, cancellationToken);
        if (settings is null)
            db.ComplaintSettings.Add(settings = new ComplaintSettings(policyPack, reopenDays));
        else
            settings.Update(policyPack, reopenDays);
        settings.ModifiedAtUtc = clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every category, in use or retired, in the order complaints list them.</summary>
    public async Task<IReadOnlyList<ComplaintCategory>> CategoriesAsync(CancellationToken cancellationToken) =>
        await db.ComplaintCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);

    /// <summary>A new category at the end of the list; a blank, too long or taken name is refused in words.</summary>
    public async Task<Result> AddCategoryAsync(string? name, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
            return Result.Invalid(new ValidationError(NewCategoryField, "Enter the category's name."));
        if (trimmed.Length > SchemaLimits.NameLength)
            return Result.Invalid(new ValidationError(NewCategoryField,
                string.Format(CultureInfo.InvariantCulture, "Keep the name under {0} characters.", SchemaLimits.NameLength)));
        if (await db.ComplaintCategories.AnyAsync(c => c.Name == trimmed, cancellationToken))
            return Result.Invalid(new ValidationError(NewCategoryField, "There is already a category with that name."));
        var order = (await db.ComplaintCategories.MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0) + 10;
        db.ComplaintCategories.Add(new ComplaintCategory(trimmed, order));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>Retires a category in use, or puts a retired one back; the value is whether it is now in use.</summary>
    public async Task<Result<bool>> ToggleCategoryAsync(int id, CancellationToken cancellationToken)
    {
        var category = await db.ComplaintCategories.AsTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
            return Result<bool>.NotFound();
        category.SetActive(!category.IsActive);
        await db.SaveChangesAsync(cancellationToken);
        return Result<bool>.Success(category.IsActive);
    }
}
