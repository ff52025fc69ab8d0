using PatientExperience.Infrastructure.Data;

namespace PatientExperience.Infrastructure.Seeding;

public sealed class DemoDataSeeder(AppDbContext db, TimeProvider time)
{
    public Task SeedAsync(CancellationToken cancellationToken)
    {
        _ = db; _ = time; _ = cancellationToken;
        return Task.CompletedTask;
    }
}
