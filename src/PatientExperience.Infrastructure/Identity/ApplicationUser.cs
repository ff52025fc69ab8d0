using Microsoft.AspNetCore.Identity;

namespace PatientExperience.Infrastructure.Identity;

/// <summary>A login. The person behind it is a Patient or a StaffMember row that points here.</summary>
public class ApplicationUser : IdentityUser
{
}
