using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Departments;

namespace PatientExperience.Web.ViewModels;

public static class DepartmentChoices
{
    /// <summary>Active departments as options for a form's select list (only <paramref name="siteId"/>'s when given).</summary>
    public static async Task<IReadOnlyList<SelectListItem>> SelectListAsync(this DepartmentCatalog catalog, CancellationToken cancellationToken, int? siteId = null) =>
        [.. (await catalog.ActiveDepartmentChoicesAsync(cancellationToken, siteId))
            .Select(d => new SelectListItem(d.Name, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
}
