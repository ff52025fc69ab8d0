namespace PatientExperience.Core.Dashboards;

/// <summary>What every section gets: the checked filter and the names of sites, departments, clinicians and services.</summary>
public sealed record DashboardContext(DashboardFilter Filter, DashboardLookups Lookups);
