using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Departments;

namespace PatientExperience.Web.ViewModels;

public static class DepartmentChoices
{
    /// <summary>Active departments as options for a form's select list.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> SelectListAsync(this DepartmentCatalog catalog, CancellationToken cancellationToken) =>
        [.. (await catalog.ActiveDepartmentChoicesAsync(cancellationToken))
            .Select(d => new SelectListItem(d.Name, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
}
