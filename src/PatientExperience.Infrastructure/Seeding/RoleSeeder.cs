using Microsoft.AspNetCore.Identity;
using PatientExperience.Core.Staff;

namespace PatientExperience.Infrastructure.Seeding;

/// <summary>The five roles are part of the schema's meaning, so they exist in every environment.</summary>
public static class RoleSeeder
{
    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in Roles.All.Except(existing!))
        {
            db.Roles.Add(new IdentityRole(role!)
            {
                NormalizedName = role!.ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
