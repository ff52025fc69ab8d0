namespace PatientExperience.Core.Complaints;

/// <summary>A staff member people can be pointed to: owners, managers.</summary>
public sealed record StaffContact(int Id, string Name, string Email);
