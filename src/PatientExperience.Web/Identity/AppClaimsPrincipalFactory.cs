using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Identity;

namespace PatientExperience.Web.Identity;

/// <summary>Adds the person's display name and preferred language to the sign-in cookie.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    AppDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "pe:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var patient = await db.Patients.AsNoTracking().Where(p => p.UserId == user.Id)
            .Select(p => new { p.FirstName, p.PreferredLanguage }).FirstOrDefaultAsync();
        if (patient is not null)
        {
            identity.AddClaim(new Claim(DisplayNameClaim, patient.FirstName));
            identity.AddClaim(new Claim(LocalizationConfiguration.LanguageClaim, patient.PreferredLanguage));
            return identity;
        }
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.UserId == user.Id)
            .Select(s => s.FirstName).FirstOrDefaultAsync();
        if (staff is not null)
            identity.AddClaim(new Claim(DisplayNameClaim, staff));
        return identity;
    }
}
