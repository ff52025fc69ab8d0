namespace PatientExperience.Core.Staff;

/// <summary>How many staff records are active, inactive, and active clinicians.</summary>
public sealed record StaffCounts(int Active, int Inactive, int ActiveClinicians);
