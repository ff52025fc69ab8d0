namespace PatientExperience.Core.Departments;

/// <summary>
/// How a department is named where every site's are listed together (staff pickers, filters, dashboards): a name that
/// two listed departments share gets its site ("Family Medicine — Chicago Loop Clinic"), so staff can tell them apart;
/// a name only one has stays as it is. The one way such lists are labelled.
/// </summary>
public static class DepartmentLabels
{
    /// <summary>The labels of <paramref name="departments"/>, in their order.</summary>
    public static IReadOnlyList<NamedChoice> Label(IReadOnlyList<SitedDepartment> departments)
    {
        ArgumentNullException.ThrowIfNull(departments);
        var shared = departments.GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. departments.Select(d => new NamedChoice(d.Id, shared.Contains(d.Name) && d.Site is not null ? $"{d.Name} — {d.Site}" : d.Name))];
    }
}
