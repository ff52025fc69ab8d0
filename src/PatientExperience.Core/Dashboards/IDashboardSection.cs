namespace PatientExperience.Core.Dashboards;

/// <summary>
/// One section of the dashboard (operations, satisfaction, complaints…). Register implementations with
/// <c>services.AddScoped&lt;IDashboardSection, MySection&gt;()</c>; the page, sorting, charts and CSV export follow from
/// the <see cref="DashboardSectionData"/> it returns.
/// </summary>
public interface IDashboardSection
{
    /// <summary>Lower comes first on the page (satisfaction 10, complaints 20, operations 30).</summary>
    int Order { get; }

    Task<DashboardSectionData> BuildAsync(DashboardContext context, CancellationToken cancellationToken);
}
