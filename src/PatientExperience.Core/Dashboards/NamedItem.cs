namespace PatientExperience.Core.Dashboards;

/// <param name="DepartmentId">A clinician's or service's department.</param>
/// <param name="SiteId">A department's site.</param>
public sealed record NamedItem(int Id, string Name, int? DepartmentId, int? SiteId = null);
