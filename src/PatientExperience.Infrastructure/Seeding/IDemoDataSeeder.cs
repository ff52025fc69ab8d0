namespace PatientExperience.Infrastructure.Seeding;

/// <summary>
/// Fills an empty database with a demo clinic. The one implementation lives in its own project
/// (<c>PatientExperience.DemoData</c>, registered by <c>AddDemoData()</c>) so this assembly carries no fake-data library;
/// without it, <see cref="Data.DatabaseInitializer"/> seeds no demo whatever <see cref="DemoDataOptions.Enabled"/> says.
/// </summary>
public interface IDemoDataSeeder
{
    /// <summary>Seeds the demo clinic unless the database already has departments; true when it did.</summary>
    Task<bool> SeedAsync(CancellationToken cancellationToken);
}
